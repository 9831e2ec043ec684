package dev.swipeloop.host.migrate;

import dev.swipeloop.host.rewards.RewardsCursor;
import dev.swipeloop.host.webhooks.StorageLedgerFeed;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the target's next seqs above every cursor copied into it. A backend never gives a seq
 * out twice, so an export cursor may point past the newest vote left (the newest rater was
 * erased after the export); the copy's restored seqs stop below it, and the target's next vote
 * would get a seq the cursor has already passed: the next export would skip it, and the rewards
 * cursor would never pay for it. Restoring a placeholder at the cursor's seq and erasing it at
 * once moves the target's counter there without leaving a row (the vote's erasure is counted
 * like any other).
 */
final class SeqFloor {
    private long lastVoteSeq;
    private long lastLedgerSeq;

    /** Notes the highest seq of a copied page of votes or ledger entries. */
    void copied(List<?> page) {
        Object last = page.isEmpty() ? null : page.get(page.size() - 1);
        if (last instanceof Vote vote) {
            lastVoteSeq = Math.max(lastVoteSeq, vote.seq());
        } else if (last instanceof LedgerEntry entry) {
            lastLedgerSeq = Math.max(lastLedgerSeq, entry.seq());
        }
    }

    /** Raises the target's vote and ledger seqs to the highest cursor of the copied apps, where needed. */
    void apply(StorageBackend target, List<String> appIds) {
        long voteFloor = lastVoteSeq;
        String voteApp = null;
        long ledgerFloor = lastLedgerSeq;
        String ledgerApp = null;
        for (String appId : appIds) {
            for (long seq : target.exportCursors(appId).values()) {
                if (seq > voteFloor) {
                    voteFloor = seq;
                    voteApp = appId;
                }
            }
            Map<String, Long> ledgerCursors = target.ledgerCursors(appId);
            long rewards = ledgerCursors.getOrDefault(RewardsCursor.NAME, 0L);
            if (rewards > voteFloor) {
                voteFloor = rewards;
                voteApp = appId;
            }
            long webhooks = ledgerCursors.getOrDefault(StorageLedgerFeed.CURSOR, 0L);
            if (webhooks > ledgerFloor) {
                ledgerFloor = webhooks;
                ledgerApp = appId;
            }
        }
        String placeholder = "swipeloop-migrate-placeholder-" + UUID.randomUUID();
        if (voteApp != null) {
            target.restoreVotes(List.of(new Vote(UUID.randomUUID(), voteApp, placeholder, null,
                    new Judgement.Binary(placeholder, Verdict.SKIP), null, null, voteFloor, Instant.now())));
            target.deleteRater(voteApp, placeholder);
        }
        if (ledgerApp != null) {
            target.restoreLedger(List.of(new LedgerEntry(ledgerApp, placeholder, "migrate", 0, "seq placeholder", null,
                    Instant.now(), ledgerFloor)));
            target.deleteRater(ledgerApp, placeholder);
        }
    }
}
