package dev.swipeloop.host.admin;

import dev.swipeloop.sdk.model.Verdict;

/**
 * Vote counts of the last {@code size} units of time (seconds, minutes or hours since the epoch),
 * one slot per unit, reused as time moves on: memory stays the same however long the host runs.
 * A slot keeps the unit it counts, so a slot last used a lap ago reads as zero, and a vote for a
 * unit older than the one its slot holds now is out of the window and dropped. Not thread-safe.
 */
final class CountRing {
    private final long[] units;
    private final int[] votes;
    private final int[] likes;
    private final int[] dislikes;

    /** @param verdicts whether likes and dislikes are counted besides votes */
    CountRing(int size, boolean verdicts) {
        this.units = new long[size];
        java.util.Arrays.fill(units, Long.MIN_VALUE);
        this.votes = new int[size];
        this.likes = verdicts ? new int[size] : null;
        this.dislikes = verdicts ? new int[size] : null;
    }

    /** Counts a vote in {@code unit}; {@code verdict} is null for a pair vote. */
    void add(long unit, Verdict verdict) {
        int slot = Math.floorMod(unit, units.length);
        if (units[slot] != unit) {
            if (units[slot] > unit) {
                return;
            }
            units[slot] = unit;
            votes[slot] = 0;
            if (likes != null) {
                likes[slot] = 0;
                dislikes[slot] = 0;
            }
        }
        votes[slot]++;
        if (likes != null && verdict == Verdict.LIKE) {
            likes[slot]++;
        } else if (likes != null && verdict == Verdict.DISLIKE) {
            dislikes[slot]++;
        }
    }

    long votes(long unit) {
        int slot = Math.floorMod(unit, units.length);
        return units[slot] == unit ? votes[slot] : 0;
    }

    long likes(long unit) {
        int slot = Math.floorMod(unit, units.length);
        return units[slot] == unit ? likes[slot] : 0;
    }

    long dislikes(long unit) {
        int slot = Math.floorMod(unit, units.length);
        return units[slot] == unit ? dislikes[slot] : 0;
    }
}
