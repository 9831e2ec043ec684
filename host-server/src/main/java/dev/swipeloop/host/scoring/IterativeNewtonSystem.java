package dev.swipeloop.host.scoring;

import java.util.Arrays;

/**
 * Newton steps by conjugate gradients on Hessian–vector products, preconditioned by the
 * Hessian's diagonal (Jacobi). Never forms the matrix: memory O(players + pairs), each product
 * one pass over the pairs, so a hundred thousand players fit where a dense n² matrix (80 GB)
 * would not. Each solve stops at a residual of {@link #RELATIVE_RESIDUAL} of the gradient, so
 * a Newton step is accurate to that fraction and the outer iteration still converges fast.
 */
final class IterativeNewtonSystem implements NewtonSystem {
    static final double RELATIVE_RESIDUAL = 1e-8;

    private final PairTable table;
    private final double ridge;
    private final int n;
    private final int maxIterations;
    private double[] curvature;
    private final double[] inverseDiagonal;
    private final double[] residual;
    private final double[] preconditioned;
    private final double[] direction;
    private final double[] product;

    IterativeNewtonSystem(PairTable table, double ridge) {
        this.table = table;
        this.ridge = ridge;
        this.n = table.players;
        // CG is exact after n steps in exact arithmetic; the cap only stops a runaway.
        this.maxIterations = Math.max(100, 2 * n);
        this.inverseDiagonal = new double[n];
        this.residual = new double[n];
        this.preconditioned = new double[n];
        this.direction = new double[n];
        this.product = new double[n];
    }

    @Override
    public void prepare(double[] curvature) {
        this.curvature = curvature;
        // The diagonal is summed in place, then inverted.
        Arrays.fill(inverseDiagonal, 2 * ridge);
        for (int p = 0; p < table.pairs; p++) {
            inverseDiagonal[table.first[p]] += curvature[p];
            inverseDiagonal[table.second[p]] += curvature[p];
        }
        for (int i = 0; i < n; i++) {
            inverseDiagonal[i] = 1 / inverseDiagonal[i];
        }
    }

    @Override
    public void solve(double[] gradient, double[] step) {
        // Solve H·step = −gradient from step = 0.
        double target = 0;
        for (int i = 0; i < n; i++) {
            step[i] = 0;
            residual[i] = -gradient[i];
            preconditioned[i] = residual[i] * inverseDiagonal[i];
            direction[i] = preconditioned[i];
            target += gradient[i] * gradient[i];
        }
        target *= RELATIVE_RESIDUAL * RELATIVE_RESIDUAL;
        double rz = dot(residual, preconditioned);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (dot(residual, residual) <= target) {
                return;
            }
            multiply(direction, product);
            double alpha = rz / dot(direction, product);
            for (int i = 0; i < n; i++) {
                step[i] += alpha * direction[i];
                residual[i] -= alpha * product[i];
                preconditioned[i] = residual[i] * inverseDiagonal[i];
            }
            double next = dot(residual, preconditioned);
            double beta = next / rz;
            rz = next;
            for (int i = 0; i < n; i++) {
                direction[i] = preconditioned[i] + beta * direction[i];
            }
        }
    }

    /** out = H·v. */
    private void multiply(double[] v, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = 2 * ridge * v[i];
        }
        int[] first = table.first;
        int[] second = table.second;
        for (int p = 0; p < table.pairs; p++) {
            int i = first[p];
            int j = second[p];
            double flow = curvature[p] * (v[i] - v[j]);
            out[i] += flow;
            out[j] -= flow;
        }
    }

    private double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
