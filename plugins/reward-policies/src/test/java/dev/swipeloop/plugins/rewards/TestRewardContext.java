package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.reward.LedgerView;
import dev.swipeloop.sdk.reward.RewardContext;

/** A {@link RewardContext} with everything given: what the host hands a policy for one call. */
record TestRewardContext(String appId, Config config, LedgerView ledger, java.time.Instant now)
        implements RewardContext {
}
