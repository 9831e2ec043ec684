package dev.swipeloop.host.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pairwise outcomes among players known by string id, aggregated per unordered pair as they are
 * added. The Bradley–Terry loss depends only on each pair's wins, losses and ties, so a million
 * battles among a thousand players become at most half a million slots of five ints: 23 MB
 * live with the index (measured), and no object per battle.
 *
 * <p>Players get dense indices 0, 1, 2… in the order first seen; {@link BradleyTerry} reports
 * ratings indexed the same way. Not thread-safe: build it on one thread, then fit.
 */
public final class Battles {
    /** The result of one battle, from the point of view of its first player {@code a}. */
    public enum Outcome { A_WINS, B_WINS, TIE }

    /**
     * Battles one pair can hold: the solvers count a pair's score in half-points (2 per win) in
     * an int, and a billion battles between the same two players is far beyond any real use.
     */
    static final int MAX_PAIR_BATTLES = Integer.MAX_VALUE / 2;

    private final Map<String, Integer> indexById = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private long[] battlesOfPlayer = new long[16];
    private long battles;

    private final PairIndex pairIndex = new PairIndex();
    private int pairs;
    // Per slot: the pair (first < second) and how its battles ended.
    private int[] first = new int[1024];
    private int[] second = new int[1024];
    private int[] firstWins = new int[1024];
    private int[] secondWins = new int[1024];
    private int[] ties = new int[1024];

    /** The index of the player, which is created, with no battles, on first use. */
    public int player(String id) {
        Integer known = indexById.get(id);
        if (known != null) {
            return known;
        }
        int index = ids.size();
        indexById.put(id, index);
        ids.add(id);
        if (index == battlesOfPlayer.length) {
            battlesOfPlayer = Arrays.copyOf(battlesOfPlayer, index * 2);
        }
        return index;
    }

    /** Records one battle between {@code a} and {@code b}. */
    public void add(String a, String b, Outcome outcome) {
        int indexA = player(a);
        int indexB = player(b);
        if (indexA == indexB) {
            throw new IllegalArgumentException("a battle needs two different players, got " + a + " twice");
        }
        int low = Math.min(indexA, indexB);
        int high = Math.max(indexA, indexB);
        int slot = slotOf(low, high);
        if (firstWins[slot] + secondWins[slot] + ties[slot] == MAX_PAIR_BATTLES) {
            throw new IllegalStateException("the pair " + a + " / " + b + " already holds the most battles one pair can, "
                    + MAX_PAIR_BATTLES);
        }
        switch (outcome) {
            case TIE -> ties[slot]++;
            case A_WINS -> countWin(slot, indexA == low);
            case B_WINS -> countWin(slot, indexB == low);
        }
        battlesOfPlayer[indexA]++;
        battlesOfPlayer[indexB]++;
        battles++;
    }

    public int players() {
        return ids.size();
    }

    /** The id of the player with this index. */
    public String id(int index) {
        return ids.get(index);
    }

    /** All battles added. */
    public long battles() {
        return battles;
    }

    /** The battles the player with this index took part in. */
    public long battlesOf(int index) {
        if (index < 0 || index >= ids.size()) {
            throw new IndexOutOfBoundsException("no player " + index + " among " + ids.size());
        }
        return battlesOfPlayer[index];
    }

    /**
     * An independent copy with the same players, indices and counts: what a fit runs on while
     * the original keeps taking battles on another thread (under the owner's lock while copied).
     */
    public Battles copy() {
        Battles copy = new Battles();
        ids.forEach(copy::player);
        copy.battlesOfPlayer = Arrays.copyOf(battlesOfPlayer, battlesOfPlayer.length);
        copy.battles = battles;
        for (int slot = 0; slot < pairs; slot++) {
            int into = copy.slotOf(first[slot], second[slot]);
            copy.firstWins[into] = firstWins[slot];
            copy.secondWins[into] = secondWins[slot];
            copy.ties[into] = ties[slot];
        }
        return copy;
    }

    /**
     * The battles between players {@code keep} accepts, as an independent copy: a prompt
     * group's battles out of all the items' ones, derived when a ranking asks rather than kept
     * per group. Kept players are indexed in their order here; one without a battle among the
     * kept is left out.
     */
    public Battles restrictedTo(Predicate<String> keep) {
        Battles restricted = new Battles();
        for (int slot = 0; slot < pairs; slot++) {
            String a = ids.get(first[slot]);
            String b = ids.get(second[slot]);
            if (keep.test(a) && keep.test(b)) {
                int low = restricted.player(a);
                int high = restricted.player(b);
                int into = restricted.slotOf(Math.min(low, high), Math.max(low, high));
                boolean inOrder = low < high;
                restricted.firstWins[into] = inOrder ? firstWins[slot] : secondWins[slot];
                restricted.secondWins[into] = inOrder ? secondWins[slot] : firstWins[slot];
                restricted.ties[into] = ties[slot];
                int battlesOfPair = firstWins[slot] + secondWins[slot] + ties[slot];
                restricted.battlesOfPlayer[low] += battlesOfPair;
                restricted.battlesOfPlayer[high] += battlesOfPair;
                restricted.battles += battlesOfPair;
            }
        }
        return restricted;
    }

    /** The number of distinct unordered pairs that met; slots are 0 to pairs() − 1. */
    int pairs() {
        return pairs;
    }

    /** The lower player index of the pair in {@code slot}. */
    int first(int slot) {
        return first[slot];
    }

    /** The higher player index of the pair in {@code slot}. */
    int second(int slot) {
        return second[slot];
    }

    int firstWins(int slot) {
        return firstWins[slot];
    }

    int secondWins(int slot) {
        return secondWins[slot];
    }

    int ties(int slot) {
        return ties[slot];
    }

    private void countWin(int slot, boolean firstWon) {
        if (firstWon) {
            firstWins[slot]++;
        } else {
            secondWins[slot]++;
        }
    }

    private int slotOf(int low, int high) {
        int slot = pairIndex.find(low, high);
        if (slot >= 0) {
            return slot;
        }
        slot = pairs++;
        if (slot == first.length) {
            int capacity = slot * 2;
            first = Arrays.copyOf(first, capacity);
            second = Arrays.copyOf(second, capacity);
            firstWins = Arrays.copyOf(firstWins, capacity);
            secondWins = Arrays.copyOf(secondWins, capacity);
            ties = Arrays.copyOf(ties, capacity);
        }
        first[slot] = low;
        second[slot] = high;
        pairIndex.put(low, high, slot);
        return slot;
    }
}
