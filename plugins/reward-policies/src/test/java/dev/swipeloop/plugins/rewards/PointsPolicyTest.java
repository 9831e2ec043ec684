package dev.swipeloop.plugins.rewards;

import static dev.swipeloop.plugins.rewards.TestVotes.at;
import static dev.swipeloop.plugins.rewards.TestVotes.clean;
import static dev.swipeloop.plugins.rewards.TestVotes.flagged;
import static dev.swipeloop.plugins.rewards.TestVotes.like;
import static dev.swipeloop.plugins.rewards.TestVotes.pair;
import static dev.swipeloop.plugins.rewards.TestVotes.skip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointsPolicyTest {
    private static final String RATER = "ana";

    private static List<String> reasons(List<LedgerEntry> entries) {
        return entries.stream().map(e -> e.reason() + "=" + e.points()).toList();
    }

    @Test
    void eachAnsweredVotePaysPerVoteAndAnEntryNamesItsVote() {
        PolicyBench bench = new PolicyBench(new PointsPolicy(), Map.of("perVote", "3"));
        Vote like = like(RATER, at(1, 9));

        List<LedgerEntry> entries = bench.vote(like, clean());

        assertEquals(List.of(new LedgerEntry(TestVotes.APP, RATER, "points", 3, "vote", like.id(), at(1, 9), 0)),
                entries);
        assertEquals(3, bench.points(TestVotes.binary(RATER, Verdict.DISLIKE, at(1, 10)), clean()));
        assertEquals(3, bench.points(pair(RATER, Choice.RIGHT, at(1, 11)), clean()));
        assertEquals(3, bench.points(pair(RATER, Choice.TIE, at(1, 12)), clean()), "a tie is an answer");
    }

    @Test
    void skipsAndFlaggedRatersEarnNothing() {
        PolicyBench bench = new PolicyBench(new PointsPolicy(), Map.of());

        assertEquals(List.of(), bench.vote(skip(RATER, at(1, 9)), clean()));
        assertEquals(List.of(), bench.vote(pair(RATER, Choice.SKIP, at(1, 10)), clean()));
        assertEquals(List.of(), bench.vote(like(RATER, at(1, 11)), flagged("too-fast")));
        assertEquals(List.of(), bench.vote(like(RATER, at(1, 12)), flagged("daily-cap")), "a capped rater earns nothing");
        assertEquals(0, bench.progress(RATER, at(1, 13)).points());
    }

    @Test
    void theVoteThatReachesTheDailyCapEarnsWhatIsLeftThenNothingUntilTheNextUtcDay() {
        PolicyBench bench = new PolicyBench(new PointsPolicy(), Map.of("perVote", "3", "dailyCap", "10",
                "streakBonus", "0"));
        List<Long> earned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            earned.add(bench.points(like(RATER, at(1, 19 + i)), clean()));
        }
        earned.add(bench.points(like(RATER, at(2, 0)), clean()));

        assertEquals(List.of(3L, 3L, 3L, 1L, 0L, 3L), earned, "23:00 is still day 1; 00:00 UTC starts day 2");
    }

    @Test
    void aCapThatDividesEvenlyIsReachedExactlyAndZeroMeansNoCap() {
        PolicyBench capped = new PolicyBench(new PointsPolicy(), Map.of("perVote", "5", "dailyCap", "10"));
        PolicyBench uncapped = new PolicyBench(new PointsPolicy(), Map.of("dailyCap", "0"));
        List<Long> earned = new ArrayList<>();
        long uncappedTotal = 0;
        for (int i = 0; i < 150; i++) {
            if (i < 3) {
                earned.add(capped.points(like(RATER, at(1, i)), clean()));
            }
            uncappedTotal += uncapped.points(like(RATER, at(1, i / 10.0)), clean());
        }

        assertEquals(List.of(5L, 5L, 0L), earned);
        assertEquals(150, uncappedTotal);
    }

    @Test
    void theFirstRewardedVoteAfterMidnightUtcContinuesTheStreakWithABonus() {
        PolicyBench bench = new PolicyBench(new PointsPolicy(), Map.of());

        List<LedgerEntry> entries = new ArrayList<>();
        entries.addAll(bench.vote(like(RATER, at(1, 23.999)), clean()));
        entries.addAll(bench.vote(like(RATER, at(2, 0.001)), clean()));
        entries.addAll(bench.vote(like(RATER, at(2, 12)), clean()));
        entries.addAll(bench.vote(like(RATER, at(3, 8)), clean()));

        assertEquals(List.of("vote=1", "vote=1", "streak:2=5", "vote=1", "vote=1", "streak:3=5"), reasons(entries),
                "two seconds apart but on two UTC days; the default bonus is flat");
        LedgerEntry bonus = entries.get(2);
        assertEquals(entries.get(1).voteId(), bonus.voteId(), "the bonus is tied to the vote that earned it");
        assertEquals(at(2, 0.001), bonus.at());
    }

    @Test
    void aDayWithoutARewardedVoteBreaksTheStreak() {
        PolicyBench bench = new PolicyBench(new PointsPolicy(), Map.of());

        List<LedgerEntry> entries = new ArrayList<>();
        entries.addAll(bench.vote(like(RATER, at(1, 9)), clean()));
        entries.addAll(bench.vote(like(RATER, at(2, 9)), clean()));
        entries.addAll(bench.vote(skip(RATER, at(3, 9)), clean()));
        entries.addAll(bench.vote(like(RATER, at(3, 10)), flagged("one-answer")));
        entries.addAll(bench.vote(like(RATER, at(4, 9)), clean()));
        entries.addAll(bench.vote(like(RATER, at(5, 9)), clean()));

        assertEquals(List.of("vote=1", "vote=1", "streak:2=5", "vote=1", "vote=1", "streak:2=5"), reasons(entries),
                "day 3 had only a skip and a flagged vote: day 4 starts a new streak");
    }

    @Test
    void theBonusGrowsWithTheStreakUpToStreakMaxDays() {
        PolicyBench bench = new PolicyBench(new PointsPolicy(), Map.of("streakBonus", "5", "streakMaxDays", "4"));

        List<Long> bonuses = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            bonuses.add(bench.points(like(RATER, at(day, 9)), clean()) - 1);
        }

        assertEquals(List.of(0L, 5L, 10L, 15L, 15L, 15L), bonuses);
    }

    @Test
    void progressShowsVestedPointsAndAStreakThatLastsUntilTheEndOfTheNextDay() {
        PolicyBench bench = new PolicyBench(new PointsPolicy(), Map.of());
        for (int day = 1; day <= 3; day++) {
            bench.vote(like(RATER, at(day, 9)), clean());
        }

        Progress sameDay = bench.progress(RATER, at(3, 20));
        assertEquals(new Progress("points", 13, null, null, null, 3, 0, List.of()), sameDay, "3 votes + 2 bonuses");
        assertEquals(3, bench.progress(RATER, at(4, 23.9)).streakDays(), "yesterday's streak can still go on");
        assertEquals(0, bench.progress(RATER, at(5, 0)).streakDays(), "a whole day without a vote ends it");
        assertEquals(new Progress("points", 0, null, null, null, 0, 0, List.of()), bench.progress("nobody", at(3, 20)));
    }
}
