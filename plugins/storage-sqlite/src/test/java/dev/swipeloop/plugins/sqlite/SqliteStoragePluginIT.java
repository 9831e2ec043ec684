package dev.swipeloop.plugins.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.plugin.BuiltPluginZip;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.storage.StorageBackend;
import dev.swipeloop.sdk.storage.StorageBackendContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginManager;

/**
 * The storage contract against the real built zip, loaded by PF4J from a plugins directory
 * as the host loads it. Speaks to the plugin only through sdk-api types. Runs in
 * {@code verify}, after {@code package} has built and checked the archive.
 */
class SqliteStoragePluginIT extends StorageBackendContract {
    private static final String PLUGIN_ID = "storage-sqlite";

    @TempDir
    static Path pluginsDir;
    private static PluginManager plugins;

    @BeforeAll
    static void loadTheBuiltZip() throws Exception {
        plugins = BuiltPluginZip.load(PLUGIN_ID, pluginsDir);
    }

    @AfterAll
    static void unload() {
        BuiltPluginZip.unload(plugins);
    }

    /**
     * One extension instance per host lifetime: asked for once here, as the host's registry
     * does, then started and (by the contract) closed.
     */
    @Override
    protected StorageBackend open(Path dataDir) {
        List<StorageBackend> found = plugins.getExtensions(StorageBackend.class, PLUGIN_ID);
        assertEquals(1, found.size(), "the zip offers exactly one StorageBackend");
        StorageBackend storage = found.get(0);
        storage.start(new TestPluginContext(PLUGIN_ID, dataDir, storage.id()), storage.configSpec().parse(Map.of()));
        return storage;
    }

    @Test
    void theExtensionAndItsDriverComeFromTheZip() throws Exception {
        ClassLoader pluginLoader = plugins.getPluginClassLoader(PLUGIN_ID);
        assertSame(pluginLoader, storage().getClass().getClassLoader(), "loaded from the zip, not the class path");
        assertSame(pluginLoader, pluginLoader.loadClass("org.sqlite.SQLiteDataSource").getClassLoader(),
                "sqlite-jdbc comes from the zip's lib/");
        assertEquals("sqlite", storage().id());
        assertTrue(Files.exists(dataDir().resolve("swipeloop.db")));
    }
}
