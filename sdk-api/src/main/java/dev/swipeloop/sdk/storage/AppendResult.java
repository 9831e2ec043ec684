package dev.swipeloop.sdk.storage;

import java.util.List;

/**
 * The outcome of {@link StorageBackend#appendVotes}: for each input vote, in input order,
 * the seq it was stored under, or {@link #DUPLICATE} when its id had been seen before.
 */
public record AppendResult(long[] seqs) {
    public static final long DUPLICATE = -1;

    public AppendResult {
        seqs = seqs.clone();
    }

    /** A copy: the result cannot be changed after the fact. */
    @Override
    public long[] seqs() {
        return seqs.clone();
    }

    /** The seq of input vote {@code index}, or {@link #DUPLICATE}. */
    public long seq(int index) {
        return seqs[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppendResult that && java.util.Arrays.equals(seqs, that.seqs);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(seqs);
    }

    @Override
    public String toString() {
        return "AppendResult" + java.util.Arrays.toString(seqs);
    }

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
