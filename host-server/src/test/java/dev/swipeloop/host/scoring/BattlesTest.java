package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.swipeloop.host.scoring.Battles.Outcome;
import org.junit.jupiter.api.Test;

class BattlesTest {

    @Test
    void playersGetIndicesInTheOrderFirstSeen() {
        Battles battles = new Battles();
        assertEquals(0, battles.player("x"));
        battles.add("y", "z", Outcome.TIE);
        assertEquals(0, battles.player("x"));
        assertEquals(1, battles.player("y"));
        assertEquals(2, battles.player("z"));
        assertEquals(3, battles.players());
        assertEquals("z", battles.id(2));
        assertEquals(0, battles.battlesOf(0));
    }

    @Test
    void bothOrdersOfAPairShareOneSlotCountedFromTheLowerIndex() {
        Battles battles = new Battles();
        battles.add("a", "b", Outcome.A_WINS); // a (0) beats b (1)
        battles.add("b", "a", Outcome.A_WINS); // b beats a
        battles.add("b", "a", Outcome.B_WINS); // a beats b
        battles.add("a", "b", Outcome.TIE);
        battles.add("a", "c", Outcome.B_WINS); // c beats a
        assertEquals(2, battles.pairs());
        assertEquals(0, battles.first(0));
        assertEquals(1, battles.second(0));
        assertEquals(2, battles.firstWins(0));
        assertEquals(1, battles.secondWins(0));
        assertEquals(1, battles.ties(0));
        assertEquals(0, battles.firstWins(1));
        assertEquals(1, battles.secondWins(1));
        assertEquals(5, battles.battles());
        assertEquals(5, battles.battlesOf(0));
        assertEquals(4, battles.battlesOf(1));
    }

    @Test
    void manyPairsSurviveTheIndexGrowing() {
        Battles battles = new Battles();
        int players = 300;
        for (int i = 0; i < players; i++) {
            for (int j = i + 1; j < players; j++) {
                battles.add("p" + i, "p" + j, (i + j) % 3 == 0 ? Outcome.TIE : Outcome.A_WINS);
            }
        }
        for (int i = 0; i < players; i++) {
            for (int j = i + 1; j < players; j++) {
                battles.add("p" + j, "p" + i, Outcome.A_WINS);
            }
        }
        assertEquals(players * (players - 1) / 2, battles.pairs());
        for (int slot = 0; slot < battles.pairs(); slot++) {
            int i = battles.first(slot);
            int j = battles.second(slot);
            boolean tie = (i + j) % 3 == 0;
            assertEquals(tie ? 0 : 1, battles.firstWins(slot));
            assertEquals(1, battles.secondWins(slot));
            assertEquals(tie ? 1 : 0, battles.ties(slot));
        }
    }

    @Test
    void aCopyFitsTheSameAndDoesNotChangeWithTheOriginal() {
        Battles battles = new Battles();
        for (int i = 0; i < 2_000; i++) {
            battles.add("a" + (i % 7), "b" + ((i * 3 + 1) % 11), i % 5 == 0 ? Outcome.TIE : i % 3 == 0 ? Outcome.B_WINS
                    : Outcome.A_WINS);
        }
        battles.player("idle");
        Battles copy = battles.copy();
        assertEquals(battles.players(), copy.players());
        assertEquals(battles.battles(), copy.battles());
        assertEquals("idle", copy.id(battles.players() - 1));
        assertEquals(battles.battlesOf(3), copy.battlesOf(3));
        assertArrayEquals(BradleyTerry.fit(battles).ratings(), BradleyTerry.fit(copy).ratings(), 1e-12);

        battles.add("a1", "b2", Outcome.A_WINS);
        battles.add("new", "a1", Outcome.A_WINS);
        assertEquals(2_000, copy.battles(), "battles added to the original afterwards are not in the copy");
        assertEquals(battles.players() - 1, copy.players());
    }

    @Test
    void aRestrictionKeepsOnlyTheBattlesAmongTheKeptPlayersWithTheirOutcomes() {
        Battles battles = new Battles();
        battles.add("dog-1", "cat-1", Outcome.A_WINS);
        battles.add("cat-2", "cat-1", Outcome.A_WINS);
        battles.add("cat-1", "cat-2", Outcome.TIE);
        battles.add("cat-2", "cat-1", Outcome.B_WINS);
        battles.add("dog-1", "dog-2", Outcome.B_WINS);

        Battles cats = battles.restrictedTo(id -> id.startsWith("cat"));
        assertEquals(2, cats.players());
        assertEquals(3, cats.battles());
        assertEquals(3, cats.battlesOf(0));
        Battles rebuilt = new Battles();
        rebuilt.add("cat-2", "cat-1", Outcome.A_WINS);
        rebuilt.add("cat-1", "cat-2", Outcome.TIE);
        rebuilt.add("cat-2", "cat-1", Outcome.B_WINS);
        BradleyTerry.Fit direct = BradleyTerry.fit(rebuilt);
        BradleyTerry.Fit derived = BradleyTerry.fit(cats);
        for (int i = 0; i < 2; i++) {
            int j = rebuilt.player(cats.id(i));
            assertEquals(direct.ratings()[j], derived.ratings()[i], 1e-9, cats.id(i));
        }
        assertEquals(0, battles.restrictedTo(id -> false).players());
    }

    @Test
    void aPlayerCannotBattleThemselves() {
        assertThrows(IllegalArgumentException.class, () -> new Battles().add("a", "a", Outcome.TIE));
    }
}
