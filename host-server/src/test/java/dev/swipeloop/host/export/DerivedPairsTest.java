package dev.swipeloop.host.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.export.ExportFixtures;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import org.junit.jupiter.api.Test;

class DerivedPairsTest {
    private final Item a = ExportFixtures.item("a", "g1", "sdxl");
    private final Item b = ExportFixtures.item("b", "g1", "flux");

    @Test
    void aLikeAndADislikeOfOneRaterInOneGroupMakeAPair() {
        DerivedPairs pairs = new DerivedPairs(java.util.Map.of("a", a, "b", b)::get);
        assertNull(pairs.offer(ExportFixtures.binary(1, "ann", a, Verdict.LIKE), "group:g1"));
        ExportRow pair = pairs.offer(ExportFixtures.binary(2, "ann", b, Verdict.DISLIKE), "group:g1");
        assertNotNull(pair);
        assertTrue(pair.derived());
        Judgement.Pair judgement = (Judgement.Pair) pair.vote().judgement();
        String winner = judgement.choice() == Choice.LEFT ? judgement.left() : judgement.right();
        String loser = judgement.choice() == Choice.LEFT ? judgement.right() : judgement.left();
        assertEquals("a", winner, "the liked image wins");
        assertEquals("b", loser);
        assertEquals(2, pair.vote().seq(), "takes the seq of the vote that completed it");
        assertEquals(pair.left().id(), judgement.left());
    }

    @Test
    void votesAreUsedOnceAndOnlyWithinOneRaterAndGroup() {
        DerivedPairs pairs = new DerivedPairs(java.util.Map.of("a", a, "b", b)::get);
        assertNull(pairs.offer(ExportFixtures.binary(1, "ann", a, Verdict.LIKE), "group:g1"));
        assertNull(pairs.offer(ExportFixtures.binary(2, "bob", b, Verdict.DISLIKE), "group:g1"), "another rater");
        assertNull(pairs.offer(ExportFixtures.binary(3, "ann", b, Verdict.DISLIKE), "group:g2"), "another group");
        assertNull(pairs.offer(ExportFixtures.binary(4, "ann", a, Verdict.SKIP), "group:g1"), "skips say nothing");
        assertNull(pairs.offer(ExportFixtures.binary(5, "ann", a, Verdict.DISLIKE), "group:g1"),
                "a like and a dislike of the same image are no preference");
        assertNotNull(pairs.offer(ExportFixtures.binary(6, "ann", b, Verdict.LIKE), "group:g1"));
        assertNull(pairs.offer(ExportFixtures.binary(7, "ann", b, Verdict.LIKE), "group:g1"), "both used up");
    }

    @Test
    void theShownOrderIsMixedButStable() {
        int likedLeft = 0;
        for (int i = 0; i < 200; i++) {
            DerivedPairs pairs = new DerivedPairs(java.util.Map.of("a", a, "b", b)::get);
            pairs.offer(ExportFixtures.binary(2L * i + 1, "r" + i, a, Verdict.LIKE), "g");
            ExportRow pair = pairs.offer(ExportFixtures.binary(2L * i + 2, "r" + i, b, Verdict.DISLIKE), "g");
            DerivedPairs again = new DerivedPairs(java.util.Map.of("a", a, "b", b)::get);
            again.offer(ExportFixtures.binary(2L * i + 1, "r" + i, a, Verdict.LIKE), "g");
            assertEquals(pair, again.offer(ExportFixtures.binary(2L * i + 2, "r" + i, b, Verdict.DISLIKE), "g"));
            if (((Judgement.Pair) pair.vote().judgement()).choice() == Choice.LEFT) {
                likedLeft++;
            }
        }
        assertTrue(likedLeft > 70 && likedLeft < 130, "no position bias: " + likedLeft + " of 200 liked on the left");
        assertNotEquals(DerivedPairs.derivedId(ExportFixtures.binary(1, "x", a, Verdict.LIKE).vote().id(),
                ExportFixtures.binary(2, "x", b, Verdict.DISLIKE).vote().id()),
                ExportFixtures.binary(2, "x", b, Verdict.DISLIKE).vote().id());
    }
}
