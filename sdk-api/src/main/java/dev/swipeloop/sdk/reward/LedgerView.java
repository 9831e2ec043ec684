package dev.swipeloop.sdk.reward;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.time.Instant;
import java.util.List;

/** Read-only access to the ledger, given to a {@link RewardPolicy}. */
public interface LedgerView {
    /** The rater's entries written by {@code policy}, in seq order. */
    List<LedgerEntry> entries(String appId, String rater, String policy);

    /** The rater's points from {@code policy} that are vested at {@code time} (clawbacks included). */
    default long vestedPoints(String appId, String rater, String policy, Instant time) {
        long sum = 0;
        for (LedgerEntry entry : entries(appId, rater, policy)) {
            if (entry.vestedAt(time)) {
                sum += entry.points();
            }
        }
        return sum;
    }

    /** All the rater's points from {@code policy}, vested or not (clawbacks included). */
    default long points(String appId, String rater, String policy) {
        long sum = 0;
        for (LedgerEntry entry : entries(appId, rater, policy)) {
            sum += entry.points();
        }
        return sum;
    }
}
