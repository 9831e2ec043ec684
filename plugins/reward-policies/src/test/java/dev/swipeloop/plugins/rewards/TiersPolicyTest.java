package dev.swipeloop.plugins.rewards;

import static dev.swipeloop.plugins.rewards.TestVotes.APP;
import static dev.swipeloop.plugins.rewards.TestVotes.at;
import static dev.swipeloop.plugins.rewards.TestVotes.clean;
import static dev.swipeloop.plugins.rewards.TestVotes.flagged;
import static dev.swipeloop.plugins.rewards.TestVotes.like;
import static dev.swipeloop.plugins.rewards.TestVotes.skip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.Progress;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The source policies' points are written straight into the ledger here, as if the policies
 * before tiers in the app's list had paid them, so each case states exactly what is vested.
 */
class TiersPolicyTest {
    private static final String RATER = "cho";
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final PolicyBench tiers = new PolicyBench(new TiersPolicy(), Map.of("thresholds", "3:Bronze,5:Silver,9:Gold"),
            ledger);

    private void earn(String policy, long points, Instant at, Instant vestsAt) {
        ledger.append(List.of(new LedgerEntry(APP, RATER, policy, points, "vote", UUID.randomUUID(), at, 0, vestsAt)));
    }

    private List<String> announced(Vote vote) {
        return tiers.vote(vote, clean()).stream().map(LedgerEntry::reason).toList();
    }

    @Test
    void aTierIsAnnouncedOnceInAZeroPointEntryWhenTheVestedTotalReachesIt() {
        earn("points", 2, at(1, 1), null);
        assertEquals(List.of(), announced(like(RATER, at(1, 1))));
        earn("points", 1, at(1, 2), null);
        Vote reaching = like(RATER, at(1, 2));

        List<LedgerEntry> entries = tiers.vote(reaching, clean());

        assertEquals(List.of(new LedgerEntry(APP, RATER, "tiers", 0, RewardPolicy.TIER_REASON_PREFIX + "Bronze",
                reaching.id(), at(1, 2), 0)), entries);
        earn("points", 1, at(1, 3), null);
        assertEquals(List.of(), announced(like(RATER, at(1, 3))), "4 points: Bronze is not announced twice");
    }

    @Test
    void tiersPassedTogetherAreAnnouncedTogetherLowestFirst() {
        earn("points", 6, at(1, 1), null);

        assertEquals(List.of("tier:Bronze", "tier:Silver"), announced(like(RATER, at(1, 1))));
    }

    @Test
    void pendingPointsCountOnlyOnceVestedAndAreAnnouncedWithTheNextVote() {
        earn("quality-weighted", 8, at(1, 1), at(4, 1));

        assertEquals(List.of(), announced(like(RATER, at(1, 1))));
        assertEquals(List.of(), announced(like(RATER, at(4, 0.5))));
        assertEquals(List.of("tier:Bronze", "tier:Silver"), announced(like(RATER, at(4, 1))));
    }

    @Test
    void pointsOfOtherPoliciesCountOnlyWhenListedInSources() {
        PolicyBench pointsOnly = new PolicyBench(new TiersPolicy(), Map.of("thresholds", "3:Bronze",
                "sources", "points"), ledger);
        earn("quality-weighted", 5, at(1, 1), null);
        earn("streaks-plus", 5, at(1, 1), null);

        assertEquals(List.of(), pointsOnly.vote(like(RATER, at(1, 1)), clean()));
        earn("points", 3, at(1, 2), null);
        assertEquals(1, pointsOnly.vote(like(RATER, at(1, 2)), clean()).size());
    }

    @Test
    void aFlaggedRaterOrASkipIsNotAnnounced() {
        earn("points", 4, at(1, 1), null);

        assertEquals(List.of(), tiers.vote(like(RATER, at(1, 1)), flagged("too-fast")));
        assertEquals(List.of(), announced(skip(RATER, at(1, 2))));
        assertEquals(List.of("tier:Bronze"), announced(like(RATER, at(1, 3))));
    }

    @Test
    void anAnnouncedTierIsKeptAfterAClawbackAndNotAnnouncedAgain() {
        earn("points", 5, at(1, 1), null);
        announced(like(RATER, at(1, 1)));
        earn("quality-weighted", -4, at(1, 2), null);

        Progress afterClawback = tiers.progress(RATER, at(1, 3));
        assertEquals("Silver", afterClawback.tier());
        assertEquals(List.of("Bronze", "Silver"), afterClawback.badges());
        earn("points", 4, at(1, 4), null);
        assertEquals(List.of(), announced(like(RATER, at(1, 4))), "back at 5: nothing new");
    }

    @Test
    void progressShowsVestedAndPendingTotalsTheTierAndTheWayToTheNext() {
        earn("points", 4, at(1, 1), null);
        earn("quality-weighted", 2, at(1, 1), at(4, 1));
        announced(like(RATER, at(1, 1)));

        assertEquals(new Progress("tiers", 4, "Bronze", "Silver", 1L, 0, 2, List.of("Bronze")),
                tiers.progress(RATER, at(2, 0)));
        assertEquals(new Progress("tiers", 0, null, "Bronze", 3L, 0, 0, List.of()), tiers.progress("nobody", at(2, 0)));
        earn("points", 10, at(4, 2), null);
        announced(like(RATER, at(4, 2)));
        assertEquals(new Progress("tiers", 16, "Gold", null, null, 0, 0, List.of("Bronze", "Silver", "Gold")),
                tiers.progress(RATER, at(4, 3)), "at the top there is no next milestone");
    }

    @Test
    void aReachedTierNotYetAnnouncedIsTheNextMilestoneWithNothingToGo() {
        earn("points", 2, at(1, 1), null);
        earn("quality-weighted", 4, at(1, 1), at(2, 1));
        announced(like(RATER, at(1, 1)));

        Progress progress = tiers.progress(RATER, at(3, 0));

        assertNull(progress.tier());
        assertEquals("Bronze", progress.nextMilestone());
        assertEquals(0L, progress.pointsToNext(), "announced with the rater's next accepted vote");
    }
}
