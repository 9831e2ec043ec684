package dev.swipeloop.sdk.reward;

import dev.swipeloop.sdk.config.Config;
import java.time.Instant;

/**
 * What a {@link RewardPolicy} sees besides the vote: the app, the app's settings for this
 * policy (validated against {@link RewardPolicy#appSpec()}), the ledger so far, and the time
 * the question is asked about.
 */
public interface RewardContext {
    String appId();

    /** This app's settings for the policy: {@code reward.<policyId>.<key>} in {@code /v1/settings}, prefix removed. */
    Config config();

    /**
     * The ledger, including the entries that policies earlier in the app's list made for the
     * same vote (so a tiers policy sees the points that vote just earned).
     */
    LedgerView ledger();

    /**
     * For {@link RewardPolicy#onVote}: the vote's {@code receivedAt}, never the wall clock, so that
     * replays agree. For {@link RewardPolicy#progress}: the time of the request.
     */
    Instant now();
}
