package dev.swipeloop.host.migrate;

import dev.swipeloop.host.rewards.RewardsCursor;
import dev.swipeloop.host.webhooks.StorageLedgerFeed;
import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the target's next seqs above every cursor copied into it. A backend never gives a seq
 * out twice, so an app's export cursor may point past its newest vote left (the newest rater
 * was erased after the export); the app's restored seqs stop below it, and its next vote could
 * get a seq the cursor has already passed: the next export would skip it, and the rewards
 * cursor would never pay for it. Restoring a placeholder at the cursor's seq and erasing it at
 * once moves the target's counter there without leaving a row (the vote's erasure is counted
 * like any other). Where the seq is another app's vote, the target refuses the placeholder, and
 * its counter, shared by its apps, is past the seq already.
 */
final class SeqFloor {
    private final Map<String, Long> lastVoteSeq = new HashMap<>();
    private final Map<String, Long> lastLedgerSeq = new HashMap<>();

    /** Notes the highest seq of a copied page of votes or ledger entries (pages come in seq order). */
    void copied(List<?> page) {
        Object last = page.isEmpty() ? null : page.get(page.size() - 1);
        if (last instanceof Vote vote) {
            lastVoteSeq.merge(vote.appId(), vote.seq(), Math::max);
        } else if (last instanceof LedgerEntry entry) {
            lastLedgerSeq.merge(entry.appId(), entry.seq(), Math::max);
        }
    }

    /** For every copied app whose cursors point past its last copied seq, raises the target's seqs to them. */
    void apply(StorageBackend target, List<String> appIds) {
        for (String appId : appIds) {
            Map<String, Long> ledgerCursors = target.ledgerCursors(appId);
            long voteCursor = target.exportCursors(appId).values().stream()
                    .reduce(ledgerCursors.getOrDefault(RewardsCursor.NAME, 0L), Math::max);
            String placeholder = "swipeloop-migrate-placeholder-" + UUID.randomUUID();
            if (voteCursor > lastVoteSeq.getOrDefault(appId, 0L)) {
                restore(target, appId, placeholder, () -> target.restoreVotes(List.of(new Vote(UUID.randomUUID(), appId,
                        placeholder, null, new Judgement.Binary(placeholder, Verdict.SKIP), null, null, voteCursor,
                        Instant.now()))));
            }
            long ledgerCursor = ledgerCursors.getOrDefault(StorageLedgerFeed.CURSOR, 0L);
            if (ledgerCursor > lastLedgerSeq.getOrDefault(appId, 0L)) {
                restore(target, appId, placeholder, () -> target.restoreLedger(List.of(new LedgerEntry(appId,
                        placeholder, "migrate", 0, "seq placeholder", null, Instant.now(), ledgerCursor))));
            }
        }
    }

    private static void restore(StorageBackend target, String appId, String placeholder, Runnable restoring) {
        try {
            restoring.run();
        } catch (ConflictException e) {
            // The seq is another app's row: this target shares one counter among its apps, already past it.
            return;
        }
        target.deleteRater(appId, placeholder);
    }
}
