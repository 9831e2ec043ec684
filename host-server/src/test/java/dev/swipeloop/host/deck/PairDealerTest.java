package dev.swipeloop.host.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairDealerTest {

    private static Item item(String id, String group) {
        return new Item("app", id, "https://x.example/" + id, Provenance.NONE, group, null, null);
    }

    private static Set<String> ids(PairDealer.Pair pair) {
        return Set.of(pair.left().id(), pair.right().id());
    }

    @Test
    void itemsOfTheSameGroupArePairedFirst() {
        List<Item> candidates = List.of(item("a1", "A"), item("b1", "B"), item("x", null), item("a2", "A"),
                item("b2", "B"), item("y", "C"));
        List<PairDealer.Pair> pairs = PairDealer.deal(candidates, 10, new Random(1));
        assertEquals(3, pairs.size());
        assertEquals(Set.of("a1", "a2"), ids(pairs.get(0)));
        assertEquals(Set.of("b1", "b2"), ids(pairs.get(1)));
        assertEquals(Set.of("x", "y"), ids(pairs.get(2)), "items without a partner in their group still make a pair");
    }

    @Test
    void noItemAppearsTwiceAndTheLimitHolds() {
        List<Item> candidates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            candidates.add(item("i" + i, "g" + (i % 3)));
        }
        List<PairDealer.Pair> pairs = PairDealer.deal(candidates, 7, new Random(2));
        assertEquals(7, pairs.size());
        Set<String> seen = new HashSet<>();
        for (PairDealer.Pair pair : pairs) {
            assertNotEquals(pair.left().id(), pair.right().id());
            assertTrue(seen.add(pair.left().id()) && seen.add(pair.right().id()));
            assertEquals(pair.left().group(), pair.right().group());
        }
        assertEquals(List.of(), PairDealer.deal(List.of(item("lonely", "A")), 5, new Random(3)));
    }

    @Test
    void leftAndRightAreShuffled() {
        List<Item> candidates = List.of(item("first", "A"), item("second", "A"));
        Set<String> leftSeen = new HashSet<>();
        Random random = new Random(4);
        for (int i = 0; i < 50; i++) {
            leftSeen.add(PairDealer.deal(candidates, 1, random).get(0).left().id());
        }
        assertEquals(Set.of("first", "second"), leftSeen);
    }
}
