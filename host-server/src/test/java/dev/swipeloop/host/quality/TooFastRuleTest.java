package dev.swipeloop.host.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The speed rule at its defaults: 4 of the last 10 votes with a dwell time under 400 ms. */
class TooFastRuleTest {
    private final RaterQuality quality = new RaterQuality(QualitySettings.DEFAULTS);
    private final VoteStream votes = new VoteStream();

    private Vote vote(Integer dwellMs) {
        // Likes and dislikes in turn, so that only the speed rule can fire.
        Verdict verdict = votes.now().getEpochSecond() % 2 == 0 ? Verdict.LIKE : Verdict.DISLIKE;
        Vote vote = votes.binary("ana", "meme-" + votes.now().getEpochSecond(), verdict, dwellMs);
        quality.observe(vote, GoldLookup.NONE);
        return vote;
    }

    @Test
    void threeFastVotesInTenAreNotFlaggedAndTheFourthIs() {
        for (int i = 0; i < 6; i++) {
            vote(1500);
        }
        vote(120);
        vote(399);
        vote(50);
        assertFalse(quality.flagged("ana", votes.now()), "3 fast of 9");
        Vote fourth = vote(10);

        List<RaterFlag> flags = quality.flags("ana", votes.now());
        assertEquals(1, flags.size(), flags.toString());
        RaterFlag flag = flags.get(0);
        assertEquals("too-fast", flag.code());
        assertEquals(fourth.seq(), flag.sinceSeq());
        assertEquals(fourth.receivedAt(), flag.since());
        assertEquals("4 of the last 10 votes with a dwell time were under 400 ms (flagged at 4).", flag.reason());
    }

    @Test
    void aDwellOfExactlyTheThresholdIsNotFast() {
        for (int i = 0; i < 10; i++) {
            vote(400);
        }
        assertFalse(quality.flagged("ana", votes.now()));
        assertEquals(0, quality.report("ana", votes.now()).fastVotesInWindow());
    }

    @Test
    void fastVotesThatLeftTheWindowNoLongerCount() {
        vote(100);
        vote(100);
        vote(100);
        for (int i = 0; i < 10; i++) {
            vote(2000);
        }
        vote(100);
        vote(100);
        vote(100);
        assertFalse(quality.flagged("ana", votes.now()), "the first three fast votes are 13 votes back");
        assertEquals(3, quality.report("ana", votes.now()).fastVotesInWindow());
    }

    @Test
    void votesWithoutADwellTimeNeitherCountNorPushFastVotesOut() {
        vote(100);
        vote(100);
        vote(100);
        for (int i = 0; i < 20; i++) {
            vote(null);
        }
        RaterReport report = quality.report("ana", votes.now());
        assertEquals(3, report.fastVotesInWindow());
        assertEquals(3, report.dwellVotesInWindow());
        assertFalse(quality.flagged("ana", votes.now()));

        vote(100);
        assertTrue(quality.flagged("ana", votes.now()), "4 fast of the 4 votes with a dwell time");
    }

    @Test
    void theFlagStandsAfterTheRaterSlowsDownWithTheNumbersThatRaisedIt() {
        for (int i = 0; i < 5; i++) {
            vote(90);
        }
        for (int i = 0; i < 100; i++) {
            vote(3000);
        }
        List<RaterFlag> flags = quality.flags("ana", votes.now());
        assertEquals(List.of("too-fast"), flags.stream().map(RaterFlag::code).toList());
        assertEquals(4, flags.get(0).sinceSeq(), "raised by the fourth vote");
        assertTrue(flags.get(0).reason().startsWith("4 of the last 4 votes"), flags.get(0).reason());
        assertEquals(0, quality.report("ana", votes.now()).fastVotesInWindow());
    }

    @Test
    void otherSettingsChangeTheWindowAndTheThreshold() {
        QualitySettings strict = new QualitySettings(3, 2, 1000, 8, 0.75, 50, 0.95, 1000, 1000, 10, 2.0, 0.10);
        RaterQuality strictQuality = new RaterQuality(strict);
        strictQuality.observe(votes.binary("bo", "a", Verdict.LIKE, 999), GoldLookup.NONE);
        strictQuality.observe(votes.binary("bo", "b", Verdict.LIKE, 5000), GoldLookup.NONE);
        strictQuality.observe(votes.binary("bo", "c", Verdict.LIKE, 5000), GoldLookup.NONE);
        strictQuality.observe(votes.binary("bo", "d", Verdict.LIKE, 999), GoldLookup.NONE);
        assertFalse(strictQuality.flagged("bo", votes.now()), "the first fast vote is 4 back, outside a window of 3");
        strictQuality.observe(votes.binary("bo", "e", Verdict.LIKE, 999), GoldLookup.NONE);
        assertEquals("2 of the last 3 votes with a dwell time were under 1000 ms (flagged at 2).",
                strictQuality.flags("bo", votes.now()).get(0).reason());
    }

    @Test
    void aWindowOfSixtyFourVotesUsesEveryBit() {
        RaterQuality wide = new RaterQuality(new QualitySettings(64, 64, 400, 8, 0.75, 50, 0.95, 1000, 1000, 10, 2.0, 0.10));
        for (int i = 0; i < 63; i++) {
            wide.observe(votes.binary("cy", "m" + i, i % 2 == 0 ? Verdict.LIKE : Verdict.DISLIKE, 100), GoldLookup.NONE);
        }
        assertFalse(wide.flagged("cy", votes.now()), "63 fast of 63");
        wide.observe(votes.binary("cy", "m63", Verdict.DISLIKE, 100), GoldLookup.NONE);
        assertTrue(wide.flagged("cy", votes.now()), "64 fast of 64");
    }
}
