package dev.swipeloop.host.scoring;

/**
 * Kendall's rank correlation τ-a between two score vectors: (concordant − discordant pairs) over
 * all n(n − 1)/2 pairs; 1 when both order the players the same way, −1 when reversed.
 */
public final class KendallTau {
    private KendallTau() {
    }

    public static double of(double[] x, double[] y) {
        int n = x.length;
        long concordant = 0;
        long discordant = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double sign = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
                if (sign > 0) {
                    concordant++;
                } else if (sign < 0) {
                    discordant++;
                }
            }
        }
        return (concordant - discordant) / (n * (n - 1) / 2.0);
    }
}
