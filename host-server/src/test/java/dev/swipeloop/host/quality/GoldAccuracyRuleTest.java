package dev.swipeloop.host.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gold rule at its defaults: judged from 8 gold answers, flagged under 75 % correct. */
class GoldAccuracyRuleTest {
    /** "broken" is a known DISLIKE, "fine" a known LIKE; anything else is not gold. */
    private static final Map<String, Verdict> GOLD = Map.of("broken", Verdict.DISLIKE, "broken2", Verdict.DISLIKE,
            "fine", Verdict.LIKE, "fine2", Verdict.LIKE, "unanswerable", Verdict.SKIP);
    private static final GoldLookup LOOKUP = GOLD::get;

    private final RaterQuality quality = new RaterQuality(QualitySettings.DEFAULTS);
    private final VoteStream votes = new VoteStream();

    private Vote binary(String item, Verdict verdict) {
        Vote vote = votes.binary("ana", item, verdict, 2000);
        quality.observe(vote, LOOKUP);
        return vote;
    }

    private void pair(String left, String right, Choice choice) {
        quality.observe(votes.pair("ana", left, right, choice, 2000), LOOKUP);
    }

    private RaterReport report() {
        return quality.report("ana", votes.now());
    }

    @Test
    void sevenWrongGoldAnswersNeverFlagAndTheEighthDoes() {
        for (int i = 0; i < 7; i++) {
            binary("broken", Verdict.LIKE);
        }
        assertFalse(quality.flagged("ana", votes.now()), "0 of 7 correct, but 7 answers are too few to judge");
        Vote eighth = binary("fine", Verdict.DISLIKE);

        List<RaterFlag> flags = quality.flags("ana", votes.now());
        assertEquals(1, flags.size(), flags.toString());
        assertEquals("gold-accuracy", flags.get(0).code());
        assertEquals(eighth.seq(), flags.get(0).sinceSeq());
        assertEquals("0 of 8 gold answers were correct (0 %), under the 75 % needed once 8 are answered.",
                flags.get(0).reason());
    }

    @Test
    void exactlySeventyFivePercentIsEnoughAndOneLessIsNot() {
        for (int i = 0; i < 6; i++) {
            binary("broken", Verdict.DISLIKE);
        }
        binary("broken", Verdict.LIKE);
        binary("fine", Verdict.DISLIKE);
        assertEquals(8, report().goldAnswered());
        assertFalse(quality.flagged("ana", votes.now()), "6 of 8 is 75 %, not under it");

        binary("fine", Verdict.DISLIKE);
        assertTrue(quality.flagged("ana", votes.now()), "6 of 9 is 66.7 %");
        assertTrue(quality.flags("ana", votes.now()).get(0).reason().startsWith("6 of 9 gold answers were correct (66.7 %)"));
    }

    @Test
    void skipsOnGoldAndVotesOnOtherItemsAreNotAnswers() {
        for (int i = 0; i < 10; i++) {
            binary("broken", Verdict.SKIP);
            binary("ordinary-meme", Verdict.LIKE);
            binary("unanswerable", Verdict.LIKE);
        }
        assertEquals(0, report().goldAnswered());
        assertFalse(quality.flagged("ana", votes.now()));
    }

    @Test
    void theFlagLiftsWhenAccuracyRecoversAndRestartsWhenItFallsAgain() {
        for (int i = 0; i < 8; i++) {
            binary("broken", Verdict.LIKE);
        }
        assertTrue(quality.flagged("ana", votes.now()));
        for (int i = 0; i < 24; i++) {
            binary("broken", Verdict.DISLIKE);
        }
        assertFalse(quality.flagged("ana", votes.now()), "24 of 32 is 75 %");

        Vote miss = binary("fine", Verdict.DISLIKE);
        assertEquals(List.of(miss.seq()), quality.flags("ana", votes.now()).stream().map(RaterFlag::sinceSeq).toList(),
                "a flag raised again starts at the vote that raised it again");
    }

    @Test
    void inAPairOfKnownLikeAndKnownDislikeTheLikeSideIsRightAndATieIsWrong() {
        pair("fine", "broken", Choice.LEFT);
        pair("broken", "fine", Choice.RIGHT);
        pair("broken", "fine", Choice.LEFT);
        pair("fine", "broken", Choice.TIE);
        pair("fine", "broken", Choice.SKIP);
        RaterReport report = report();
        assertEquals(4, report.goldAnswered());
        assertEquals(2, report.goldCorrect());
    }

    @Test
    void pairsWithoutOneKnownLikeAndOneKnownDislikeAreIgnored() {
        pair("fine", "fine2", Choice.LEFT);
        pair("broken", "broken2", Choice.RIGHT);
        pair("fine", "ordinary-meme", Choice.RIGHT);
        pair("ordinary-meme", "broken", Choice.RIGHT);
        pair("unanswerable", "broken", Choice.RIGHT);
        assertEquals(0, report().goldAnswered());
    }

    @Test
    void pairAndBinaryGoldAnswersAddUp() {
        for (int i = 0; i < 4; i++) {
            binary("fine", Verdict.DISLIKE);
            pair("broken", "fine", Choice.LEFT);
        }
        assertEquals(8, report().goldAnswered());
        assertTrue(quality.flagged("ana", votes.now()));
    }
}
