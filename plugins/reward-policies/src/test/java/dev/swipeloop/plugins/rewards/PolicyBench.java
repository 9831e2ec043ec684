package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.Progress;
import dev.swipeloop.sdk.reward.RaterSignals;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One policy with one app's settings over an in-memory ledger, called as the host calls it:
 * {@code now} = the vote's receivedAt, and what it returns appended before the next vote.
 */
final class PolicyBench {
    final RewardPolicy policy;
    final Config config;
    final InMemoryLedger ledger;

    PolicyBench(RewardPolicy policy, Map<String, String> settings, InMemoryLedger ledger) {
        this.policy = policy;
        this.config = policy.appSpec().parse(settings);
        this.ledger = ledger;
    }

    PolicyBench(RewardPolicy policy, Map<String, String> settings) {
        this(policy, settings, new InMemoryLedger());
    }

    /** The entries the vote earned, now in the ledger. */
    List<LedgerEntry> vote(Vote vote, RaterSignals signals) {
        List<LedgerEntry> entries = policy.onVote(vote, signals, new TestRewardContext(TestVotes.APP, config, ledger,
                vote.receivedAt()));
        ledger.append(entries);
        return entries;
    }

    /** The sum of the points the vote earned. */
    long points(Vote vote, RaterSignals signals) {
        return vote(vote, signals).stream().mapToLong(LedgerEntry::points).sum();
    }

    Progress progress(String rater, Instant now) {
        return policy.progress(rater, new TestRewardContext(TestVotes.APP, config, ledger, now));
    }
}
