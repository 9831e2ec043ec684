package dev.swipeloop.host.scoring;

import java.util.Arrays;

/**
 * Finds the slot of an unordered player pair: an open-addressing hash map from the pair, packed
 * into one long, to an int slot. A {@code HashMap<Long, Integer>} would cost two boxed objects
 * and an entry per pair, about 60 bytes, against 12 here at the same load.
 */
final class PairIndex {
    private static final long EMPTY = -1;
    private static final double MAX_LOAD = 0.5;

    private long[] keys;
    private int[] slots;
    private int size;

    PairIndex() {
        allocate(1 << 10);
    }

    /** The slot of pair (first, second) with first < second, or -1 if it has none yet. */
    int find(int first, int second) {
        long key = key(first, second);
        int mask = keys.length - 1;
        for (int at = bucket(key, mask); ; at = (at + 1) & mask) {
            long found = keys[at];
            if (found == key) {
                return slots[at];
            }
            if (found == EMPTY) {
                return -1;
            }
        }
    }

    /** Gives the pair, which must not be present, the slot {@code slot}. */
    void put(int first, int second, int slot) {
        if (size + 1 > keys.length * MAX_LOAD) {
            grow();
        }
        insert(key(first, second), slot);
        size++;
    }

    private void insert(long key, int slot) {
        int mask = keys.length - 1;
        int at = bucket(key, mask);
        while (keys[at] != EMPTY) {
            at = (at + 1) & mask;
        }
        keys[at] = key;
        slots[at] = slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(oldKeys[i], oldSlots[i]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        slots = new int[capacity];
    }

    private static long key(int first, int second) {
        return ((long) first << 32) | second;
    }

    /** SplitMix64's finaliser: consecutive player indices must not fill consecutive buckets. */
    private static int bucket(long key, int mask) {
        long z = (key ^ (key >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (int) (z ^ (z >>> 31)) & mask;
    }
}
