package dev.swipeloop.sdk.reward;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.util.List;

/** Read-only access to the ledger, given to a {@link RewardPolicy}. */
public interface LedgerView {
    /** The rater's entries written by {@code policy}, in seq order. */
    List<LedgerEntry> entries(String appId, String rater, String policy);
}
