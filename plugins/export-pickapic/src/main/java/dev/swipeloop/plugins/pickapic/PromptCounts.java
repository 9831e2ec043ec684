package dev.swipeloop.plugins.pickapic;

/**
 * How many rows share a caption within a split: Pick-a-Pic's {@code num_example_per_prompt},
 * which its build script counts per split ({@code groupby(caption)} on each split's frame).
 *
 * <p>Memory grows with the number of distinct (split, caption) keys, not with the rows: a key is
 * kept as a 64-bit digest ({@link Hashes#sha256Prefix}) in an open-addressing table, 16 to 32
 * bytes per distinct prompt, however long the prompt (100,000 prompts: about 3 MB). Two prompts
 * whose digests collide would share a count, with odds of about 3·10⁻⁸ among a million prompts.
 * One export only; not thread-safe.
 */
final class PromptCounts {
    private static final long EMPTY = 0L;
    private long[] keys = new long[1024];
    private int[] counts = new int[1024];
    private int size;

    void add(String split, String caption) {
        long key = key(split, caption);
        int slot = slot(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
        }
        counts[slot]++;
        if (size * 4L > keys.length * 3L) {
            grow();
        }
    }

    /** The count for this split and caption; 0 when no row with them was added. */
    int count(String split, String caption) {
        int slot = slot(key(split, caption));
        return keys[slot] == EMPTY ? 0 : counts[slot];
    }

    /** Distinct (split, caption) keys seen. */
    int size() {
        return size;
    }

    private static long key(String split, String caption) {
        long digest = Hashes.sha256Prefix(split + '\u0000' + caption);
        return digest == EMPTY ? 1L : digest;
    }

    /** The slot that holds {@code key}, or the empty slot where it belongs (linear probing). */
    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
