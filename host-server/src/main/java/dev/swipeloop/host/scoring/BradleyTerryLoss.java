package dev.swipeloop.host.scoring;

/**
 * The Bradley–Terry negative log-likelihood over aggregated pairs, plus a ridge:
 *
 * <pre>
 *   L(r) = Σ_pairs [ n·softplus(c·(r_i − r_j)) − s·c·(r_i − r_j) ] + λ·Σ r²,   c = ln 10
 * </pre>
 *
 * where a pair (i, j) met n times and i scored s (wins plus half the ties). That is Arena's
 * weighted logistic loss over its unique (a, b, outcome) rows, summed per pair: a tie row with
 * outcome ½ contributes −½·log p − ½·log(1 − p), the same as half a win each way. The
 * {@link PairWeights} n and s are passed in, so a bootstrap round only swaps them.
 */
final class BradleyTerryLoss {
    static final double LN10 = Math.log(10);

    final PairTable table;
    final double ridge;

    BradleyTerryLoss(PairTable table, double ridge) {
        this.table = table;
        this.ridge = ridge;
    }

    int players() {
        return table.players;
    }

    double value(double[] r, PairWeights weights) {
        int[] first = table.first;
        int[] second = table.second;
        int[] totals = weights.totals;
        int[] halfPoints = weights.halfPoints;
        double sum = 0;
        for (int p = 0; p < table.pairs; p++) {
            double x = LN10 * (r[first[p]] - r[second[p]]);
            double softplus = Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
            sum += totals[p] * softplus - 0.5 * halfPoints[p] * x;
        }
        for (double rating : r) {
            sum += ridge * rating * rating;
        }
        return sum;
    }

    /**
     * Writes ∇L at r into {@code gradient} and, unless {@code curvature} is null, each pair's
     * Hessian weight {@code c²·n·σ(1 − σ)} into {@code curvature}: the Hessian is the Laplacian
     * of the comparison graph with these edge weights, plus 2λ on the diagonal.
     */
    void gradient(double[] r, PairWeights weights, double[] gradient, double[] curvature) {
        int[] first = table.first;
        int[] second = table.second;
        int[] totals = weights.totals;
        int[] halfPoints = weights.halfPoints;
        for (int i = 0; i < r.length; i++) {
            gradient[i] = 2 * ridge * r[i];
        }
        for (int p = 0; p < table.pairs; p++) {
            int i = first[p];
            int j = second[p];
            // No branch on the sign: exp(−x) = ∞ for x < −709 still gives σ = 0, never NaN.
            double sigma = 1 / (1 + Math.exp(-LN10 * (r[i] - r[j])));
            double residual = LN10 * (totals[p] * sigma - 0.5 * halfPoints[p]);
            gradient[i] += residual;
            gradient[j] -= residual;
            if (curvature != null) {
                curvature[p] = LN10 * LN10 * totals[p] * sigma * (1 - sigma);
            }
        }
    }
}
