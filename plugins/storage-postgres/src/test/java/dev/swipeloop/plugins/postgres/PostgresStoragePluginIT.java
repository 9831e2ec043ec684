package dev.swipeloop.plugins.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.plugin.BuiltPluginZip;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.storage.StorageBackend;
import dev.swipeloop.sdk.storage.StorageBackendContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginManager;

/**
 * The storage contract against the real built zip, loaded by PF4J from a plugins directory
 * as the host loads it, on the test server. Speaks to the plugin only through sdk-api types.
 * Runs in {@code verify}, after {@code package} has built and checked the archive.
 */
class PostgresStoragePluginIT extends StorageBackendContract {
    private static final String PLUGIN_ID = "storage-postgres";
    private static final TestSchemas SCHEMAS = new TestSchemas("plugin");

    @TempDir
    static Path pluginsDir;
    private static PluginManager plugins;

    @BeforeAll
    static void loadTheBuiltZip() {
        plugins = BuiltPluginZip.load(PLUGIN_ID, pluginsDir);
    }

    @AfterAll
    static void unload() {
        BuiltPluginZip.unload(plugins);
        SCHEMAS.dropAll();
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
        storage.start(new TestPluginContext(PLUGIN_ID, dataDir, storage.id()), storage.configSpec()
                .parse(Map.of("jdbcUrl", TestSchemas.URL, "schema", SCHEMAS.schemaFor(dataDir))));
        return storage;
    }

    @Test
    void theExtensionItsDriverAndItsPoolComeFromTheZip() throws Exception {
        ClassLoader pluginLoader = plugins.getPluginClassLoader(PLUGIN_ID);
        assertSame(pluginLoader, storage().getClass().getClassLoader(), "loaded from the zip, not the class path");
        assertSame(pluginLoader, pluginLoader.loadClass("org.postgresql.ds.PGSimpleDataSource").getClassLoader(),
                "the PostgreSQL driver comes from the zip's lib/");
        assertSame(pluginLoader, pluginLoader.loadClass("com.zaxxer.hikari.HikariDataSource").getClassLoader(),
                "HikariCP comes from the zip's lib/");
        assertEquals("postgres", storage().id());
    }

    @Test
    void theZipListsItsExtension() throws Exception {
        Path zip = Path.of(System.getProperty("swipeloop.plugin.zip"));
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String index = new String(archive.getInputStream(archive.getEntry("classes/META-INF/extensions.idx"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(index.contains(PostgresStorage.class.getName()), index);
        }
        assertTrue(Files.isDirectory(pluginsDir.resolve(PLUGIN_ID + "-0.1.0")), "PF4J unpacked the zip");
    }
}
