package dev.swipeloop.host.ranking;

import java.util.Map;

/**
 * The vote counts of an app's judged items as of the vote {@code asOfSeq}, with the {@code z}
 * its Wilson intervals use: what a table of every item needs, without the per-item intervals
 * {@link ItemStats} computes (Bayesian ones cost a Beta quantile each).
 */
public record ItemCounts(long asOfSeq, double z, Map<String, Counts> byId) {
    /** One item's binary answers, skips included, and its pairs. */
    public record Counts(long likes, long dislikes, long skips, long wins, long losses, long ties, long pairSkips) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);
    }

    /** The item's counts; zeros for an item nobody judged. */
    public Counts of(String itemId) {
        return byId.getOrDefault(itemId, Counts.NONE);
    }
}
