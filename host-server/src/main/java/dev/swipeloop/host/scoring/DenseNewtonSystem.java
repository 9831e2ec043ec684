package dev.swipeloop.host.scoring;

import java.util.Arrays;

/**
 * Newton steps through a dense Cholesky factorisation of the n×n Hessian: O(n³/6) to prepare,
 * O(n²) per solve, n² doubles of memory; for a thousand players ~0.06 s, ~0.5 ms and 8 MB. Too
 * slow to prepare at every step, but prepared once it serves every chord step of every bootstrap
 * round, each a fraction of what a conjugate-gradient solve costs.
 */
final class DenseNewtonSystem implements NewtonSystem {
    private final PairTable table;
    private final double ridge;
    private final int n;
    private final double[] matrix;

    DenseNewtonSystem(PairTable table, double ridge) {
        this.table = table;
        this.ridge = ridge;
        this.n = table.players;
        this.matrix = new double[Math.multiplyExact(n, n)];
    }

    @Override
    public void prepare(double[] curvature) {
        Arrays.fill(matrix, 0);
        for (int i = 0; i < n; i++) {
            matrix[i * n + i] = 2 * ridge;
        }
        int[] first = table.first;
        int[] second = table.second;
        for (int p = 0; p < table.pairs; p++) {
            int i = first[p];
            int j = second[p];
            double w = curvature[p];
            matrix[i * n + i] += w;
            matrix[j * n + j] += w;
            // Lower triangle only: j > i.
            matrix[j * n + i] -= w;
        }
        Cholesky.factor(matrix, n);
    }

    @Override
    public void solve(double[] gradient, double[] step) {
        Cholesky.solve(matrix, n, gradient, step);
        for (int i = 0; i < n; i++) {
            step[i] = -step[i];
        }
    }
}
