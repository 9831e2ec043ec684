package dev.swipeloop.sdk.reward;

import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.plugin.SwipeloopExtension;
import java.util.List;

/**
 * Turns accepted votes into ledger entries, and a rater's ledger into progress.
 *
 * <h2>Threading and order</h2>
 * The host calls {@link #onVote} from one thread per app, with committed votes in seq order,
 * each vote once, for the apps that list this policy in their {@code rewards.policies}
 * setting, in that list's order. Given the same vote, signals, settings and ledger it must
 * return the same entries: replaying the votes rebuilds the ledger, and the host checks that
 * a recomputation equals the ledger it kept. So a policy reads time only from
 * {@link RewardContext#now()} and state only from {@link RewardContext#ledger()}.
 * {@link #progress} may be called from many threads and must not change anything.
 *
 * <h2>Entries</h2>
 * Entries carry seq 0 (storage assigns seqs), this policy's id, the vote's app and rater, and
 * {@code at} = the vote's {@code receivedAt}. An entry whose reason starts with
 * {@link #TIER_REASON_PREFIX} announces that the rater reached the tier named after it: the
 * host sends the app a {@code rater.tier_reached} webhook for it.
 */
public interface RewardPolicy extends SwipeloopExtension {
    /** Reason prefix of an entry that announces a tier: {@code "tier:early access"}. */
    String TIER_REASON_PREFIX = "tier:";

    /**
     * The settings an app can choose for this policy, without prefix; the host offers them as
     * {@code reward.<id>.<key>} in {@code /v1/settings}, validated against this spec. Default: none.
     */
    default ConfigSpec appSpec() {
        return new ConfigSpec();
    }

    /**
     * Entries earned by one committed vote. {@code rater} is what the quality rules knew of the
     * vote's rater as of this vote. Default: {@link #onAccepted} with the vote alone, for
     * policies written before this method.
     */
    default List<LedgerEntry> onVote(Vote vote, RaterSignals rater, RewardContext context) {
        return onAccepted(List.of(vote), context.ledger());
    }

    /** Where the rater stands at {@code context.now()}: points, tier, next milestone. */
    default Progress progress(String rater, RewardContext context) {
        return progress(context.appId(), rater, context.ledger());
    }

    /**
     * The first form of {@link #onVote}, without signals or settings. Implement {@link #onVote}
     * instead; this default refuses.
     */
    default List<LedgerEntry> onAccepted(List<Vote> votes, LedgerView ledger) {
        throw new UnsupportedOperationException("reward policy '" + id() + "' implements neither onVote nor onAccepted");
    }

    /** The first form of {@link #progress(String, RewardContext)}; implement that one instead. */
    default Progress progress(String appId, String rater, LedgerView ledger) {
        throw new UnsupportedOperationException("reward policy '" + id() + "' implements no progress method");
    }
}
