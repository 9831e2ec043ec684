package dev.swipeloop.sdk.storage;

import java.util.List;

/**
 * The outcome of {@link StorageBackend#appendVotes}: for each input vote, in input order,
 * the seq it was stored under, or {@link #DUPLICATE} when its id had been seen before.
 */
public record AppendResult(long[] seqs) {
    public static final long DUPLICATE = -1;

    public boolean stored(int index) {
        return seqs[index] != DUPLICATE;
    }

    public int size() {
        return seqs.length;
    }

    public int accepted() {
        int n = 0;
        for (long seq : seqs) {
            if (seq != DUPLICATE) {
                n++;
            }
        }
        return n;
    }

    public int duplicates() {
        return seqs.length - accepted();
    }

    /** The slice for input votes {@code from} (inclusive) to {@code to} (exclusive). */
    public AppendResult slice(int from, int to) {
        return new AppendResult(java.util.Arrays.copyOfRange(seqs, from, to));
    }

    public static AppendResult of(List<Long> seqs) {
        return new AppendResult(seqs.stream().mapToLong(Long::longValue).toArray());
    }
}
