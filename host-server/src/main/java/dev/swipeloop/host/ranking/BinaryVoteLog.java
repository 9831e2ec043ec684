package dev.swipeloop.host.ranking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every like and dislike of an app as (rater, item, label) in three primitive columns (skips
 * carry no answer): what Dawid–Skene needs to weigh raters against each other. Twelve bytes a
 * vote, so a million votes take 12 MB.
 */
final class BinaryVoteLog {
    private final Map<String, Integer> raterIndex = new HashMap<>();
    private int[] raters = new int[1024];
    private int[] items = new int[1024];
    private int[] labels = new int[1024];
    private int size;

    void add(String rater, int item, boolean like) {
        int r = raterIndex.computeIfAbsent(rater, id -> raterIndex.size());
        if (size == raters.length) {
            raters = Arrays.copyOf(raters, size * 2);
            items = Arrays.copyOf(items, size * 2);
            labels = Arrays.copyOf(labels, size * 2);
        }
        raters[size] = r;
        items[size] = item;
        labels[size] = like ? 1 : 0;
        size++;
    }

    /** A copy to compute on while new votes keep arriving. */
    Snapshot snapshot(int itemCount) {
        return new Snapshot(raterIndex.size(), itemCount, Arrays.copyOf(raters, size), Arrays.copyOf(items, size),
                Arrays.copyOf(labels, size), Map.copyOf(raterIndex));
    }

    record Snapshot(int raterCount, int itemCount, int[] raters, int[] items, int[] labels,
                    Map<String, Integer> raterIndex) {
    }
}
