package dev.swipeloop.host.testing.plugins;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.plugin.PluginContext;
import dev.swipeloop.sdk.reward.LedgerView;
import dev.swipeloop.sdk.reward.Progress;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.util.List;

/** A reward policy whose start fails, as one would when its backing service is down. */
public class ExplodingRewardPolicy implements RewardPolicy {
    @Override
    public String id() {
        return "exploding";
    }

    @Override
    public void start(PluginContext context, Config config) {
        throw new IllegalStateException("rewards service unreachable at http://127.0.0.1:9/");
    }

    @Override
    public List<LedgerEntry> onAccepted(List<Vote> votes, LedgerView ledger) {
        throw new AssertionError("never started, never called");
    }

    @Override
    public Progress progress(String appId, String rater, LedgerView ledger) {
        throw new AssertionError("never started, never called");
    }
}
