package dev.swipeloop.plugins.rewards;

import static dev.swipeloop.plugins.rewards.TestVotes.at;
import static dev.swipeloop.plugins.rewards.TestVotes.clean;
import static dev.swipeloop.plugins.rewards.TestVotes.flagged;
import static dev.swipeloop.plugins.rewards.TestVotes.gold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.reward.RaterSignals;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The promises the host builds its replay and its recomputation check on: the same votes give
 * the same ledger, however they are grouped into transactions and however often they are run.
 */
class LedgerReplayTest {
    private static final List<RewardPolicy> POLICIES = List.of(new PointsPolicy(), new QualityWeightedPolicy(),
            new TiersPolicy());
    private static final List<Config> CONFIGS = List.of(
            POLICIES.get(0).appSpec().parse(Map.of("dailyCap", "6")),
            POLICIES.get(1).appSpec().parse(Map.of("vestingHours", "30", "dailyCap", "40")),
            POLICIES.get(2).appSpec().parse(Map.of("thresholds", "10:Bronze,40:Silver,80:Gold")));

    /**
     * Two raters over five days, from midnight UTC to nearly midnight: likes, pair choices, skips,
     * gold answers arriving (one rater's quality falling), a stretch where the other is flagged,
     * a day that rater misses, and daily caps reached.
     */
    private static List<SignedVote> votes() {
        List<SignedVote> votes = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            for (int step = 0; step < 9; step++) {
                double hours = step * 2.9;
                int answered = (day - 1) * 3 + step / 3;
                int correct = answered - answered / 3;
                votes.add(new SignedVote(step % 4 == 3
                        ? TestVotes.binary("dee", Verdict.SKIP, at(day, hours))
                        : TestVotes.like("dee", at(day, hours)), gold(answered, correct)));
                if (day != 3) {
                    RaterSignals signals = day == 4 && step >= 3 && step < 6 ? flagged("too-fast") : clean();
                    Choice choice = step % 5 == 4 ? Choice.SKIP : Choice.values()[step % 3];
                    votes.add(new SignedVote(TestVotes.pair("eli", choice, at(day, hours + 0.5)), signals));
                }
            }
        }
        return votes;
    }

    private static List<LedgerEntry> replay(List<SignedVote> votes, int groupSize) {
        InMemoryLedger ledger = new InMemoryLedger();
        new ReplayEngine(POLICIES, CONFIGS).run(ledger, votes, groupSize);
        return ledger.all();
    }

    @Test
    void theScenarioExercisesEveryRule() {
        Set<String> reasons = new TreeSet<>();
        replay(votes(), 1).forEach(entry -> reasons.add(entry.policy() + " " + entry.reason().replaceAll("\\d", "#")));

        assertEquals(new TreeSet<>(List.of("points streak:#", "points vote", "quality-weighted clawback:too-fast",
                "quality-weighted vote", "tiers tier:Bronze", "tiers tier:Silver", "tiers tier:Gold")), reasons);
    }

    @Test
    void theSameVotesGiveTheSameLedgerWhateverTheGrouping() {
        List<SignedVote> votes = votes();
        List<LedgerEntry> oneByOne = replay(votes, 1);

        for (int groupSize : new int[] {2, 3, 7, 16, votes.size()}) {
            assertEquals(oneByOne, replay(votes, groupSize), "committed every " + groupSize + " votes");
        }
    }

    @Test
    void anIncrementalLedgerEqualsAFullRecomputation() {
        List<SignedVote> votes = votes();
        InMemoryLedger incremental = new InMemoryLedger();
        int split = votes.size() / 3;
        new ReplayEngine(POLICIES, CONFIGS).run(incremental, votes.subList(0, split), 4);
        new ReplayEngine(POLICIES, CONFIGS).run(incremental, votes.subList(split, 2 * split), 1);
        new ReplayEngine(POLICIES, CONFIGS).run(incremental, votes.subList(2 * split, votes.size()), 5);

        assertEquals(replay(votes, votes.size()), incremental.all());
    }

    @Test
    void eachPolicyGivesEqualEntriesForEqualInputs() {
        InMemoryLedger ledger = new InMemoryLedger();
        new ReplayEngine(POLICIES, CONFIGS).run(ledger, votes().subList(0, 40), 1);
        SignedVote next = votes().get(40);

        List<LedgerEntry> earned = new ArrayList<>();
        for (int i = 0; i < POLICIES.size(); i++) {
            TestRewardContext context = new TestRewardContext(TestVotes.APP, CONFIGS.get(i), ledger,
                    next.vote().receivedAt());
            List<LedgerEntry> first = POLICIES.get(i).onVote(next.vote(), next.signals(), context);
            assertEquals(first, POLICIES.get(i).onVote(next.vote(), next.signals(), context), POLICIES.get(i).id());
            assertEquals(POLICIES.get(i).progress("eli", context), POLICIES.get(i).progress("eli", context));
            earned.addAll(first);
        }
        assertFalse(earned.isEmpty(), "the vote asked about earns something");
    }
}
