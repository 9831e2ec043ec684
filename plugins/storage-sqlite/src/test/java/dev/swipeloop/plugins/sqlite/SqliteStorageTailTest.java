package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.storage.StorageBackend;
import dev.swipeloop.sdk.storage.StorageBackendContract;
import java.nio.file.Path;
import java.util.Map;

/** The storage contract with the indexer paused: every read works from the unindexed tail alone. */
class SqliteStorageTailTest extends StorageBackendContract {

    @Override
    protected StorageBackend open(Path dataDir) {
        SqliteStorage storage = new SqliteStorage();
        storage.start(new TestPluginContext("storage-sqlite", dataDir, "sqlite"), storage.configSpec().parse(Map.of()));
        storage.indexer().pause();
        return storage;
    }
}
