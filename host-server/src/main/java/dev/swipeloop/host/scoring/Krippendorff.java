package dev.swipeloop.host.scoring;

/**
 * Krippendorff's α for nominal data with two values (like and dislike), each item a unit and
 * every vote on it one value, raters unidentified (Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability", 2011). α = 1 − D_o / D_e: 1 when raters always agree, about 0 when they
 * agree only as often as chance, negative when they disagree systematically.
 *
 * <p>Through the coincidence matrix: a unit with m ≥ 2 values, l of them likes and d dislikes,
 * adds l·d / (m − 1) to each off-diagonal cell o₁₀ = o₀₁ (every ordered pair of its values,
 * weighted 1/(m − 1) so that the unit contributes m in all); units with fewer than two values
 * cannot be paired and are left out. With n₁ and n₀ the marginal totals and n = n₁ + n₀, the
 * nominal α is {@code 1 − (n − 1)·o₁₀ / (n₁·n₀)}.
 */
public final class Krippendorff {
    private Krippendorff() {
    }

    /**
     * α over the units {@code i} with {@code likes[i]} and {@code dislikes[i]} votes; NaN when it
     * is undefined: no unit has two votes, or every pairable vote is the same value (no variation
     * to agree on).
     */
    public static double alphaNominal(long[] likes, long[] dislikes) {
        if (likes.length != dislikes.length) {
            throw new IllegalArgumentException("need likes and dislikes per unit, got " + likes.length
                    + " and " + dislikes.length + " units");
        }
        double disagreement = 0;
        double likeTotal = 0;
        double dislikeTotal = 0;
        for (int unit = 0; unit < likes.length; unit++) {
            long l = likes[unit];
            long d = dislikes[unit];
            if (l < 0 || d < 0) {
                throw new IllegalArgumentException("unit " + unit + " has a negative count: " + l + " likes, " + d + " dislikes");
            }
            long values = l + d;
            if (values < 2) {
                continue;
            }
            disagreement += (double) l * d / (values - 1);
            likeTotal += l;
            dislikeTotal += d;
        }
        double total = likeTotal + dislikeTotal;
        if (likeTotal == 0 || dislikeTotal == 0) {
            return Double.NaN;
        }
        return 1 - (total - 1) * disagreement / (likeTotal * dislikeTotal);
    }
}
