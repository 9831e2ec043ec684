package dev.swipeloop.plugins.rewards;

import static dev.swipeloop.plugins.rewards.TestVotes.at;
import static dev.swipeloop.plugins.rewards.TestVotes.clean;
import static dev.swipeloop.plugins.rewards.TestVotes.flagged;
import static dev.swipeloop.plugins.rewards.TestVotes.gold;
import static dev.swipeloop.plugins.rewards.TestVotes.like;
import static dev.swipeloop.plugins.rewards.TestVotes.pair;
import static dev.swipeloop.plugins.rewards.TestVotes.skip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.Progress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityWeightedPolicyTest {
    private static final String RATER = "ben";

    @Test
    void anUnknownRaterEarnsEightOfTenPointsThatVestAfterSeventyTwoHours() {
        PolicyBench bench = new PolicyBench(new QualityWeightedPolicy(), Map.of());
        Vote vote = like(RATER, at(1, 9));

        List<LedgerEntry> entries = bench.vote(vote, clean());

        assertEquals(List.of(new LedgerEntry(TestVotes.APP, RATER, "quality-weighted", 8, "vote", vote.id(), at(1, 9), 0,
                at(4, 9))), entries);
        assertEquals(new Progress("quality-weighted", 0, null, null, null, 0, 8, List.of()),
                bench.progress(RATER, at(4, 8.99)));
        assertEquals(new Progress("quality-weighted", 8, null, null, null, 0, 0, List.of()),
                bench.progress(RATER, at(4, 9)));
    }

    @Test
    void pointsFollowTheSmoothedGoldAccuracyRoundedHalfUp() {
        PolicyBench bench = new PolicyBench(new QualityWeightedPolicy(), Map.of());
        PolicyBench evenPrior = new PolicyBench(new QualityWeightedPolicy(), Map.of("perVote", "5",
                "priorCorrect", "1", "priorWrong", "1"));

        assertEquals(9, bench.points(like(RATER, at(1, 1)), gold(8, 8)), "12/13 = 0.923 of 10");
        assertEquals(4, bench.points(like(RATER, at(1, 2)), gold(4, 0)), "4/9 = 0.444 of 10");
        assertEquals(7, bench.points(pair(RATER, Choice.LEFT, at(1, 3)), gold(1, 0)), "4/6 = 0.667 of 10");
        assertEquals(3, evenPrior.points(like(RATER, at(1, 4)), clean()), "0.5 of 5 = 2.5, rounded up");
    }

    @Test
    void underMinQualityARaterEarnsNothing() {
        PolicyBench bench = new PolicyBench(new QualityWeightedPolicy(), Map.of("minQuality", "0.5"));

        assertEquals(0, bench.points(like(RATER, at(1, 1)), gold(4, 0)));
        assertEquals(8, bench.points(like(RATER, at(1, 2)), gold(4, 3)), "7/9 = 0.78 is over 0.5");
    }

    @Test
    void skipsEarnNothing() {
        PolicyBench bench = new PolicyBench(new QualityWeightedPolicy(), Map.of());

        assertEquals(List.of(), bench.vote(skip(RATER, at(1, 1)), clean()));
        assertEquals(List.of(), bench.vote(pair(RATER, Choice.SKIP, at(1, 2)), clean()));
    }

    @Test
    void aFlaggedVoteClawsBackVestedPointsAtOnceAndPendingOnesWhenTheyWouldHaveVested() {
        PolicyBench bench = new PolicyBench(new QualityWeightedPolicy(), Map.of("vestingHours", "24"));
        bench.vote(like(RATER, at(1, 9)), clean());
        bench.vote(like(RATER, at(3, 9)), gold(2, 2));
        assertEquals(new Progress("quality-weighted", 8, null, null, null, 0, 9, List.of()),
                bench.progress(RATER, at(3, 10)), "the first vested on day 2, the second (6/7 of 10) is pending");
        Vote flaggedVote = like(RATER, at(3, 10));

        List<LedgerEntry> clawback = bench.vote(flaggedVote, flagged("too-fast", "gold-accuracy"));

        String reason = "clawback:too-fast,gold-accuracy";
        assertEquals(List.of(
                new LedgerEntry(TestVotes.APP, RATER, "quality-weighted", -8, reason, flaggedVote.id(), at(3, 10), 0, at(3, 10)),
                new LedgerEntry(TestVotes.APP, RATER, "quality-weighted", -9, reason, flaggedVote.id(), at(3, 10), 0, at(4, 9))),
                clawback);
        assertEquals(0, bench.ledger.points(TestVotes.APP, RATER, "quality-weighted"));
        for (Instant when : List.of(at(3, 10), at(3, 23), at(4, 9), at(5, 9))) {
            Progress settled = bench.progress(RATER, when);
            assertEquals(0, settled.points(), "never negative: " + when);
            assertEquals(0, settled.pendingPoints(), "nothing left pending: " + when);
        }
    }

    @Test
    void aClawbackIsMadeOnceAndARaterWhoseFlagWasLiftedEarnsAgain() {
        PolicyBench bench = new PolicyBench(new QualityWeightedPolicy(), Map.of());

        List<Long> earned = new ArrayList<>();
        earned.add(bench.points(like(RATER, at(1, 1)), flagged("same-side")));
        earned.add(bench.points(like(RATER, at(1, 2)), clean()));
        earned.add(bench.points(like(RATER, at(1, 3)), flagged("same-side")));
        earned.add(bench.points(skip(RATER, at(1, 4)), flagged("same-side")));
        earned.add(bench.points(like(RATER, at(1, 5)), clean()));

        assertEquals(List.of(0L, 8L, -8L, 0L, 8L), earned, "nothing to claw back at first; once is enough");
    }

    @Test
    void theDailyCapCountsVotePointsAndAClawbackDoesNotReopenIt() {
        PolicyBench bench = new PolicyBench(new QualityWeightedPolicy(), Map.of("dailyCap", "20"));

        List<Long> earned = new ArrayList<>();
        for (int hour = 1; hour <= 4; hour++) {
            earned.add(bench.points(like(RATER, at(1, hour)), clean()));
        }
        earned.add(bench.points(like(RATER, at(1, 5)), flagged("daily-cap")));
        earned.add(bench.points(like(RATER, at(1, 6)), clean()));
        earned.add(bench.points(like(RATER, at(2, 1)), clean()));

        assertEquals(List.of(8L, 8L, 4L, 0L, -20L, 0L, 8L), earned);
    }
}
