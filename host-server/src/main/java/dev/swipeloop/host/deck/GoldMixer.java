package dev.swipeloop.host.deck;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Mixes gold cards (items with a known answer) into a deck at a rate, so every rater meets
 * some and the gold rule can judge them. Each slot is gold with probability {@code rate} while
 * gold cards are left; the deck ends when the regular cards do, so a rater who has seen every
 * image is not handed a deck of honeypots alone.
 */
public final class GoldMixer {
    private GoldMixer() {
    }

    public static <T> List<T> mix(List<T> regular, List<T> gold, int limit, double rate, RandomGenerator random) {
        List<T> deck = new ArrayList<>(limit);
        int nextRegular = 0;
        int nextGold = 0;
        while (deck.size() < limit && nextRegular < regular.size()) {
            if (nextGold < gold.size() && random.nextDouble() < rate) {
                deck.add(gold.get(nextGold++));
            } else {
                deck.add(regular.get(nextRegular++));
            }
        }
        return deck;
    }
}
