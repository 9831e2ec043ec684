package dev.swipeloop.host.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.ranking.Knowledge.Known;
import dev.swipeloop.host.settings.AppSettings.DeckSettings;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearningDealerTest {
    private static final DeckSettings RETIRE_AT_200_OR_0_2 = new DeckSettings(true, 200, 0.2, 0);
    private static final DeckSettings NEVER_RETIRE = new DeckSettings(true, 0, 0, 0);

    private static Item item(String id, String group) {
        return new Item("app", id, "https://x.example/" + id, Provenance.NONE, group, null, null);
    }

    @Test
    void binaryCardsComeLeastKnownFirstWidestIntervalThenFewestVotes() {
        List<Item> candidates = List.of(item("settling", null), item("fresh", null), item("unsure", null),
                item("also-unsure", null));
        Map<String, Known> known = Map.of("settling", new Known(150, 0.65, 0.90),
                "unsure", new Known(20, 0.30, 0.70), "also-unsure", new Known(12, 0.30, 0.70));

        List<Item> deck = LearningDealer.binary(candidates, known, 10, RETIRE_AT_200_OR_0_2);
        assertEquals(List.of("fresh", "also-unsure", "unsure", "settling"), deck.stream().map(Item::id).toList());
        assertEquals(2, LearningDealer.binary(candidates, known, 2, RETIRE_AT_200_OR_0_2).size());
    }

    @Test
    void settledItemsAreRetiredByVotesOrByIntervalWidthAndZeroMeansNever() {
        List<Item> candidates = List.of(item("many-votes", null), item("narrow", null), item("open", null));
        Map<String, Known> known = Map.of("many-votes", new Known(200, 0.20, 0.60),
                "narrow", new Known(90, 0.85, 0.95), "open", new Known(10, 0.2, 0.8));

        assertEquals(List.of("open"), LearningDealer.binary(candidates, known, 10, RETIRE_AT_200_OR_0_2).stream()
                .map(Item::id).toList());
        assertEquals(3, LearningDealer.binary(candidates, known, 10, NEVER_RETIRE).size());
        assertTrue(!Known.NOTHING.settled(RETIRE_AT_200_OR_0_2), "an item nobody judged is never settled");
    }

    @Test
    void pairsJoinTheItemsWhoseIntervalsOverlapMostWithinAPromptGroupFirst() {
        List<Item> candidates = List.of(item("top", "g"), item("bottom", "g"), item("near-top", "g"),
                item("near-bottom", "g"), item("stranger", "other"));
        Map<String, Known> known = Map.of("top", new Known(40, 0.80, 0.95), "near-top", new Known(40, 0.75, 0.92),
                "bottom", new Known(40, 0.05, 0.20), "near-bottom", new Known(40, 0.08, 0.25),
                "stranger", new Known(40, 0.70, 0.95));

        List<PairDealer.Pair> pairs = LearningDealer.pairs(candidates, known, 10, NEVER_RETIRE, new Random(3));
        Set<Set<String>> dealt = new HashSet<>();
        pairs.forEach(pair -> dealt.add(Set.of(pair.left().id(), pair.right().id())));
        assertEquals(Set.of(Set.of("top", "near-top"), Set.of("bottom", "near-bottom")), dealt,
                "close items of one group meet; the item of another group waits rather than meet a stranger");
    }

    @Test
    void anItemIsInOnePairAtMostAndSidesAreShuffled() {
        List<Item> candidates = List.of(item("a", null), item("b", null), item("c", null), item("d", null));
        int leftA = 0;
        for (int seed = 0; seed < 200; seed++) {
            List<PairDealer.Pair> pairs = LearningDealer.pairs(candidates, Map.of(), 10, NEVER_RETIRE, new Random(seed));
            assertEquals(2, pairs.size());
            Set<String> used = new HashSet<>();
            for (PairDealer.Pair pair : pairs) {
                assertTrue(used.add(pair.left().id()) && used.add(pair.right().id()));
                leftA += pair.left().id().equals("a") ? 1 : 0;
            }
        }
        assertTrue(leftA > 50 && leftA < 150, "a is shown left about half the time it is dealt, was " + leftA);
    }

    @Test
    void overlapIsTheSharedLengthOfTwoIntervals() {
        assertEquals(1.0, LearningDealer.overlap(Known.NOTHING, Known.NOTHING), 1e-12);
        assertEquals(0.1, LearningDealer.overlap(new Known(5, 0.2, 0.5), new Known(5, 0.4, 0.9)), 1e-12);
        assertEquals(0.0, LearningDealer.overlap(new Known(5, 0.2, 0.3), new Known(5, 0.4, 0.9)), 1e-12);
    }
}
