package dev.swipeloop.host.scoring;

/**
 * What the loss needs to know of each pair's battles, for one fit: the full data, or one
 * bootstrap resample over the same pairs. Two ints per pair, so a resample of half a million
 * pairs is 4 MB to stream through on every Newton step, not 8 as doubles would be.
 */
final class PairWeights {
    /** Battles per pair. */
    final int[] totals;
    /** The first player's score in half-points: 2 per win, 1 per tie, so a tie stays an integer. */
    final int[] halfPoints;

    PairWeights(int pairs) {
        this.totals = new int[pairs];
        this.halfPoints = new int[pairs];
    }
}
