package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.storage.StorageBackend;
import dev.swipeloop.sdk.storage.StorageBackendContract;
import java.nio.file.Path;
import java.util.Map;

/** The storage contract against the class itself: fast, runs in {@code mvn test}. */
class SqliteStorageTest extends StorageBackendContract {

    @Override
    protected StorageBackend open(Path dataDir) {
        SqliteStorage storage = new SqliteStorage();
        storage.start(new TestPluginContext("storage-sqlite", dataDir, "sqlite"), storage.configSpec().parse(Map.of()));
        return storage;
    }
}
