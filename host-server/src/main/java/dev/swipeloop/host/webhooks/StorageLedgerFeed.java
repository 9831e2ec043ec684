package dev.swipeloop.host.webhooks;

import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.List;

/** The {@link LedgerFeed} of a storage backend: its ledger and its {@value #CURSOR} ledger cursor. */
public final class StorageLedgerFeed implements LedgerFeed {
    /** The name of the ledger cursor webhooks move (see {@link StorageBackend#ledgerCursor}). */
    public static final String CURSOR = "webhooks";

    private final StorageBackend storage;

    public StorageLedgerFeed(StorageBackend storage) {
        this.storage = storage;
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
}
