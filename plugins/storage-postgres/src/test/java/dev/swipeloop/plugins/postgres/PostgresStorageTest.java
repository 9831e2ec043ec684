package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.storage.StorageBackend;
import dev.swipeloop.sdk.storage.StorageBackendContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** The storage contract against the class itself, on the test server: every test in a schema of its own. */
class PostgresStorageTest extends StorageBackendContract {
    private static final TestSchemas SCHEMAS = new TestSchemas("contract");

    @AfterAll
    static void dropSchemas() {
        SCHEMAS.dropAll();
    }

    @Override
    protected StorageBackend open(Path dataDir) {
        return TestSchemas.start(SCHEMAS.schemaFor(dataDir));
    }
}
