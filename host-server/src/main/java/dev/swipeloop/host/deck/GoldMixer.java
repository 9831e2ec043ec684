package dev.swipeloop.host.deck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * Mixes gold cards (items with a known answer) into a deck at a rate, so every rater meets
 * some and the gold rule can judge them. Each slot is gold with probability {@code rate} while
 * gold cards are left; the deck ends when the regular cards do, so a rater who has seen every
 * image is not handed a deck of honeypots alone. The gold slots are drawn first and the gold
 * cards asked for only when there is one: at the default 5 % most decks of ten have none, and
 * they cost no second look-up.
 */
public final class GoldMixer {
    private GoldMixer() {
    }

    /** @param gold gives up to the number of gold cards asked for (fewer when the rater has seen the rest) */
    public static <T> List<T> mix(List<T> regular, IntFunction<List<T>> gold, int limit, double rate,
                                  RandomGenerator random) {
        boolean[] goldSlot = new boolean[limit];
        int wanted = 0;
        for (int slot = 0; slot < limit; slot++) {
            goldSlot[slot] = random.nextDouble() < rate;
            wanted += goldSlot[slot] ? 1 : 0;
        }
        List<T> golds = wanted == 0 ? List.of() : gold.apply(wanted);
        List<T> deck = new ArrayList<>(limit);
        int nextRegular = 0;
        int nextGold = 0;
        while (deck.size() < limit && nextRegular < regular.size()) {
            if (goldSlot[deck.size()] && nextGold < golds.size()) {
                deck.add(golds.get(nextGold++));
            } else {
                deck.add(regular.get(nextRegular++));
            }
        }
        return deck;
    }
}
