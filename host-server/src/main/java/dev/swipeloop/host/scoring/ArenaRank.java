package dev.swipeloop.host.scoring;

import java.util.Arrays;

/**
 * Chatbot Arena's rank from confidence intervals, "Rank (UB)": a player's rank is 1 plus the
 * number of others whose lower bound lies strictly above its upper bound, i.e. the others that
 * are better beyond doubt. Players whose intervals overlap share a rank, and ranks can skip.
 * This is {@code recompute_final_ranking} in fastchat/serve/monitor/monitor.py (and the
 * "compute ranking based on CI" loop of {@code report_elo_analysis_results} in
 * fastchat/serve/monitor/elo_analysis.py), which compares {@code rating_q025} of the others
 * with the player's own {@code rating_q975}.
 */
public final class ArenaRank {
    private ArenaRank() {
    }

    /**
     * The rank of each player, indexed like the bounds (e.g. {@link BradleyTerry.Bootstrap#lower()}
     * and {@link BradleyTerry.Bootstrap#upper()}).
     */
    public static int[] ranks(double[] lower, double[] upper) {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("need one lower and one upper bound per player, got "
                    + lower.length + " and " + upper.length);
        }
        // Counting the lower bounds above each upper bound with a binary search over the sorted
        // lower bounds gives the same counts as Arena's double loop in O(n log n).
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("player " + i + " needs lower <= upper, got ["
                        + lower[i] + ", " + upper[i] + "]");
            }
        }
        double[] sortedLower = lower.clone();
        Arrays.sort(sortedLower);
        int[] ranks = new int[lower.length];
        for (int i = 0; i < lower.length; i++) {
            // A player's own lower bound is not above its own upper bound, so it never counts itself.
            ranks[i] = 1 + lower.length - firstAbove(sortedLower, upper[i]);
        }
        return ranks;
    }

    /** The index of the first value strictly greater than {@code bound}. */
    private static int firstAbove(double[] sorted, double bound) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] > bound) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
