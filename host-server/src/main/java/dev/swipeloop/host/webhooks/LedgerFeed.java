package dev.swipeloop.host.webhooks;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.time.Duration;
import java.util.List;

/**
 * What the {@link WebhookDispatcher} reads and moves: every app's reward ledger and its
 * {@code webhooks} cursor. {@link StorageLedgerFeed} is the real one; the dispatcher needs no
 * more of storage than this. Called from the dispatcher's thread and, for
 * {@link WebhookDispatcher#status}, from request threads.
 */
public interface LedgerFeed {
    /** No ledger at all (a storage backend that keeps none): nothing is ever sent. */
    LedgerFeed NONE = new LedgerFeed() {
        @Override
        public List<String> apps() {
            return List.of();
        }

        @Override
        public long cursor(String appId) {
            return 0;
        }

        @Override
        public List<LedgerEntry> after(String appId, long afterSeq, int limit) {
            return List.of();
        }

        @Override
        public void saveCursor(String appId, long seq) {
        }

        @Override
        public boolean claim(String appId, String hostId, Duration ttl) {
            return true;
        }

        @Override
        public void release(String appId, String hostId) {
        }
    };

    /** The ids of every app. */
    List<String> apps();

    /** The seq of the app's last ledger entry whose webhook was settled (sent, given up or skipped); 0 at first. */
    long cursor(String appId);

    /** Up to {@code limit} of the app's ledger entries with seq above {@code afterSeq}, in seq order. */
    List<LedgerEntry> after(String appId, long afterSeq, int limit);

    /** Moves the app's cursor to {@code seq}, durably: a restart resumes after it. */
    void saveCursor(String appId, long seq);

    /**
     * Takes or renews, for {@code ttl}, the app's lease on sending its webhooks for this host:
     * false while another host holds it. Of hosts sharing a database one sends an app's webhooks.
     */
    boolean claim(String appId, String hostId, Duration ttl);

    /** Gives the app's lease up, if this host holds it, so another host takes over at once. */
    void release(String appId, String hostId);
}
