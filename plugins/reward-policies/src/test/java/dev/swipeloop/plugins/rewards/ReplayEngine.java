package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.reward.LedgerView;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host's reward engine in miniature: an app's policies in their listed order, each vote
 * once in seq order, each policy seeing the entries the ones before it made for the same vote.
 * Entries are committed to the ledger every {@code groupSize} votes, as the host commits one
 * batch of votes per transaction; until then they are read from the pending list.
 */
final class ReplayEngine {
    private final List<RewardPolicy> policies;
    private final List<Config> configs;

    ReplayEngine(List<RewardPolicy> policies, List<Config> configs) {
        this.policies = policies;
        this.configs = configs;
    }

    /** Runs {@code votes} on top of {@code ledger}, committing every {@code groupSize} votes. */
    void run(InMemoryLedger ledger, List<SignedVote> votes, int groupSize) {
        List<LedgerEntry> pending = new ArrayList<>();
        LedgerView view = (appId, rater, policy) -> Stream.concat(ledger.entries(appId, rater, policy).stream(),
                pending.stream().filter(e -> e.appId().equals(appId) && e.rater().equals(rater)
                        && e.policy().equals(policy))).toList();
        int inGroup = 0;
        for (SignedVote signed : votes) {
            for (int i = 0; i < policies.size(); i++) {
                TestRewardContext context = new TestRewardContext(signed.vote().appId(), configs.get(i), view,
                        signed.vote().receivedAt());
                pending.addAll(policies.get(i).onVote(signed.vote(), signed.signals(), context));
            }
            if (++inGroup == groupSize) {
                ledger.append(pending);
                pending.clear();
                inGroup = 0;
            }
        }
        ledger.append(pending);
    }
}
