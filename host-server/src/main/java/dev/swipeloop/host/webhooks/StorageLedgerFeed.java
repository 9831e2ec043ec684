package dev.swipeloop.host.webhooks;

import dev.swipeloop.host.hosts.Leases;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.time.Duration;
import java.util.List;

/**
 * The {@link LedgerFeed} of a storage backend: its ledger, its {@value #CURSOR} ledger cursor,
 * and the app's lease of the same name.
 */
public final class StorageLedgerFeed implements LedgerFeed {
    /** The name of the ledger cursor webhooks move (see {@link StorageBackend#ledgerCursor}). */
    public static final String CURSOR = "webhooks";

    private final StorageBackend storage;
    private final Leases leases;

    public StorageLedgerFeed(StorageBackend storage, Leases leases) {
        this.storage = storage;
        this.leases = leases;
    }

    @Override
    public List<String> apps() {
        return storage.apps().stream().map(App::id).toList();
    }

    @Override
    public long cursor(String appId) {
        return storage.ledgerCursor(appId, CURSOR);
    }

    @Override
    public List<LedgerEntry> after(String appId, long afterSeq, int limit) {
        return storage.ledgerAfter(appId, afterSeq, limit);
    }

    @Override
    public void saveCursor(String appId, long seq) {
        storage.saveLedgerCursor(appId, CURSOR, seq);
    }

    @Override
    public boolean claim(String appId, String hostId, Duration ttl) {
        return leases.tryTake(appId, CURSOR, hostId, ttl);
    }

    @Override
    public void release(String appId, String hostId) {
        leases.release(appId, CURSOR, hostId);
    }
}
