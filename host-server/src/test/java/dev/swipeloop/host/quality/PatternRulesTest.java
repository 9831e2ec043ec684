package dev.swipeloop.host.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-answer and same-side rules at their defaults: 95 % or more over at least 50 votes. */
class PatternRulesTest {
    private final RaterQuality quality = new RaterQuality(QualitySettings.DEFAULTS);
    private final VoteStream votes = new VoteStream();

    private Vote binary(Verdict verdict, int times) {
        Vote last = null;
        for (int i = 0; i < times; i++) {
            last = votes.binary("ana", "meme-" + votes.now().getEpochSecond(), verdict, 2000);
            quality.observe(last, GoldLookup.NONE);
        }
        return last;
    }

    private Vote pair(Choice choice, int times) {
        Vote last = null;
        for (int i = 0; i < times; i++) {
            last = votes.pair("ana", "a" + i, "b" + i, choice, 2000);
            quality.observe(last, GoldLookup.NONE);
        }
        return last;
    }

    private List<String> codes() {
        return quality.flags("ana", votes.now()).stream().map(RaterFlag::code).toList();
    }

    private String reason() {
        return quality.flags("ana", votes.now()).get(0).reason();
    }

    @Test
    void fortyNineLikesAreTooFewToJudgeAndTheFiftiethFlags() {
        binary(Verdict.LIKE, 49);
        assertEquals(List.of(), codes(), "100 % of 49");
        Vote fiftieth = binary(Verdict.LIKE, 1);
        assertEquals(List.of("one-answer"), codes());
        assertEquals(fiftieth.seq(), quality.flags("ana", votes.now()).get(0).sinceSeq());
        assertEquals("Likes in 50 of 50 answered cards (100 %); the rule flags 95 % or more over at least 50.",
                reason());
    }

    @Test
    void ninetyFivePercentFlagsAndJustUnderDoesNot() {
        binary(Verdict.DISLIKE, 57);
        binary(Verdict.LIKE, 3);
        assertEquals(List.of("one-answer"), codes(), "57 of 60 is 95 %");
        assertTrue(reason().startsWith("Dislikes in 57 of 60 answered cards (95 %)"), reason());

        binary(Verdict.LIKE, 1);
        assertEquals(List.of(), codes(), "57 of 61 is 93.4 %: the flag lifts");
    }

    @Test
    void skipsDoNotHideAlwaysLiking() {
        for (int i = 0; i < 50; i++) {
            binary(Verdict.LIKE, 1);
            binary(Verdict.SKIP, 1);
        }
        assertEquals(List.of("one-answer"), codes());
        assertTrue(reason().startsWith("Likes in 50 of 50 answered cards"), reason());
    }

    @Test
    void skippingEverythingIsOneAnswer() {
        binary(Verdict.LIKE, 2);
        binary(Verdict.SKIP, 47);
        assertEquals(List.of(), codes(), "49 cards are too few to judge");
        binary(Verdict.SKIP, 1);
        assertEquals(List.of("one-answer"), codes(), "48 of 50 cards skipped");
        assertTrue(reason().startsWith("Skips in 48 of 50 cards (96 %)"), reason());
    }

    @Test
    void aPlainMixOfAnswersIsNotFlagged() {
        for (int i = 0; i < 100; i++) {
            binary(i % 3 == 0 ? Verdict.DISLIKE : Verdict.LIKE, 1);
        }
        assertEquals(List.of(), codes());
    }

    @Test
    void fortyNineLeftPicksAreTooFewToJudgeAndTheFiftiethFlagsSameSide() {
        pair(Choice.LEFT, 49);
        assertEquals(List.of(), codes());
        pair(Choice.LEFT, 1);
        assertEquals(List.of("same-side"), codes());
        assertEquals("Left in 50 of 50 pairs that chose a side (100 %); the rule flags 95 % or more over at least 50.",
                reason());
    }

    @Test
    void tiesAndSkipsDoNotCountAsSides() {
        pair(Choice.RIGHT, 49);
        pair(Choice.TIE, 20);
        pair(Choice.SKIP, 20);
        assertEquals(List.of(), codes(), "49 decided pairs");
        pair(Choice.RIGHT, 1);
        assertEquals(List.of("same-side"), codes());
        assertTrue(reason().startsWith("Right in 50 of 50 pairs that chose a side"), reason());
    }

    @Test
    void bothSidesAtNinetyPercentAreNotFlagged() {
        for (int i = 0; i < 100; i++) {
            pair(i % 10 == 0 ? Choice.RIGHT : Choice.LEFT, 1);
        }
        assertEquals(List.of(), codes(), "90 % left");
    }

    @Test
    void alwaysATieIsOneAnswer() {
        pair(Choice.TIE, 50);
        assertEquals(List.of("one-answer"), codes());
        assertTrue(reason().startsWith("Ties in 50 of 50 pairs (100 %)"), reason());
    }

    @Test
    void binaryAndPairPatternsAreJudgedSeparately() {
        binary(Verdict.LIKE, 30);
        pair(Choice.LEFT, 30);
        assertEquals(List.of(), codes(), "30 of each kind: neither reaches 50");
    }

    @Test
    void theReportCountsEveryAnswer() {
        binary(Verdict.LIKE, 3);
        binary(Verdict.DISLIKE, 2);
        binary(Verdict.SKIP, 1);
        pair(Choice.LEFT, 4);
        pair(Choice.RIGHT, 5);
        pair(Choice.TIE, 6);
        pair(Choice.SKIP, 7);
        RaterReport report = quality.report("ana", votes.now());
        assertEquals(List.of(28, 3, 2, 1, 4, 5, 6, 7), List.of(report.votes(), report.binaryLikes(),
                report.binaryDislikes(), report.binarySkips(), report.pairLeft(), report.pairRight(),
                report.pairTies(), report.pairSkips()));
    }
}
