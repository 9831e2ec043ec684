package dev.swipeloop.host.rewards;

import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.List;

/**
 * The app's {@code rewards} ledger cursor: the seq of the last vote its policies were run for.
 * It moves with the entries it covers, and when rewards are turned on it jumps to the app's
 * last vote, so that only votes from then on are paid — never the votes cast while rewards
 * were off, however the score boards happen to count them again later (a restart, a rebuild).
 */
public final class RewardsCursor {
    public static final String NAME = "rewards";

    private RewardsCursor() {
    }

    /** Moves the cursor to the app's last vote (never back); returns where it points. */
    public static long moveToLastVote(StorageBackend storage, String appId) {
        while (true) {
            long from = storage.ledgerCursor(appId, NAME);
            long to = Math.max(from, storage.lastSeq(appId));
            if (to == from) {
                return from;
            }
            try {
                storage.appendLedger(List.of(), appId, NAME, from, to);
                return to;
            } catch (ConflictException movedMeanwhile) {
                // Another host paid or moved it between the read and the write: read it again.
            }
        }
    }
}
