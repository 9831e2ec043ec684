package dev.swipeloop.sdk.reward;

import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.plugin.SwipeloopExtension;
import java.util.List;

/**
 * Turns accepted votes into ledger entries, and a rater's ledger into progress.
 *
 * <h2>Threading and order</h2>
 * The host calls {@link #onAccepted} from one thread per app, with committed votes in seq
 * order, each vote once. Given the same votes and the same ledger, it must return the same
 * entries: replaying the votes rebuilds the ledger. {@link #progress} may be called from
 * many threads and must not change anything.
 */
public interface RewardPolicy extends SwipeloopExtension {

    /**
     * Entries earned by {@code votes} (all of one app). {@code ledger} shows what each rater
     * has earned so far from this policy, for caps and streaks. Entries carry seq 0; storage
     * assigns seqs.
     */
    List<LedgerEntry> onAccepted(List<Vote> votes, LedgerView ledger);

    /** Where the rater stands: points, tier, next milestone. */
    Progress progress(String appId, String rater, LedgerView ledger);
}
