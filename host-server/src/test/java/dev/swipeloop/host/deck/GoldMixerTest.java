package dev.swipeloop.host.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GoldMixerTest {
    private static List<String> cards(String prefix, int n) {
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cards.add(prefix + i);
        }
        return cards;
    }

    @Test
    void goldCardsAppearAtTheConfiguredRate() {
        Random random = new Random(7);
        int gold = 0;
        int dealt = 0;
        for (int deck = 0; deck < 2_000; deck++) {
            List<String> mixed = GoldMixer.mix(cards("r", 50), wanted -> cards("g", wanted), 10, 0.05, random);
            dealt += mixed.size();
            gold += (int) mixed.stream().filter(card -> card.startsWith("g")).count();
        }
        double rate = (double) gold / dealt;
        // 20,000 slots at 5 %: the standard deviation of the share is 0.15 points.
        assertTrue(Math.abs(rate - 0.05) < 0.006, "gold share " + rate);
    }

    @Test
    void theDeckEndsWithTheRegularCardsSoNoDeckIsAllGold() {
        List<String> mixed = GoldMixer.mix(cards("r", 2), wanted -> cards("g", 20), 10, 0.5, new Random(1));
        assertEquals(2, mixed.stream().filter(card -> card.startsWith("r")).count());
        assertTrue(mixed.get(mixed.size() - 1).startsWith("r"), mixed.toString());
        assertEquals(List.of(), GoldMixer.mix(List.of(), wanted -> cards("g", 20), 10, 0.5, new Random(1)));
    }

    @Test
    void rateZeroDealsNoGoldAndOrderIsKept() {
        List<String> regular = cards("r", 10);
        assertEquals(regular, GoldMixer.mix(regular, wanted -> {
            throw new AssertionError("no gold slot, so no gold look-up");
        }, 10, 0, new Random(1)));
        List<String> shuffled = new ArrayList<>(regular);
        Collections.reverse(shuffled);
        assertEquals(shuffled.subList(0, 4), GoldMixer.mix(shuffled, wanted -> List.of(), 4, 0.5, new Random(1)));
    }

    @Test
    void goldIsAskedForOnlyAsManyAsTheDrawnSlotsAndMostDecksAskNothing() {
        Random random = new Random(11);
        int lookUps = 0;
        for (int deck = 0; deck < 1_000; deck++) {
            int[] asked = {0};
            List<String> mixed = GoldMixer.mix(cards("r", 10), wanted -> {
                asked[0] = wanted;
                return cards("g", wanted);
            }, 10, 0.05, random);
            lookUps += asked[0] > 0 ? 1 : 0;
            assertEquals(asked[0], mixed.stream().filter(card -> card.startsWith("g")).count());
        }
        // P(no gold slot in 10) = 0.95^10 = 0.60, so about 400 decks in 1,000 look gold up.
        assertTrue(lookUps > 340 && lookUps < 460, "decks that looked gold up: " + lookUps);
    }
}
