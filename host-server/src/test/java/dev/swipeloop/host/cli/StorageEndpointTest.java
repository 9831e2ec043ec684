package dev.swipeloop.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageEndpointTest {
    @TempDir
    Path dir;

    @Test
    void aSqliteDirectoryIsTheDataDirectoryAndTheFileIsLeftToThePlugin() {
        StorageEndpoint end = StorageEndpoint.parse("from", "sqlite:" + dir, null);
        assertEquals(Map.of("storage", "sqlite", "data", dir.toString()), end.settings());
        assertTrue(end.sqliteDirectory());
    }

    @Test
    void aSqliteFileIsThePluginsPathInItsDirectory() throws Exception {
        Path existing = Files.createFile(dir.resolve("votes.sqlite"));
        assertEquals(Map.of("storage", "sqlite", "data", dir.toString(), "plugin.sqlite.path", existing.toString()),
                StorageEndpoint.parse("from", "sqlite:" + existing, null).settings());
        Path fresh = dir.resolve("new/swipeloop.db");
        assertEquals(fresh.toString(), StorageEndpoint.parse("to", "sqlite:" + fresh, null).settings()
                .get("plugin.sqlite.path"), "a .db name is a file even before it exists");
        assertFalse(StorageEndpoint.parse("to", "sqlite:" + fresh, null).sqliteDirectory());
    }

    @Test
    void aPostgresUrlAndSchemaAreThePluginsSettings() {
        StorageEndpoint end = StorageEndpoint.parse("to",
                "postgres:jdbc:postgresql://db.internal/swipeloop?user=app&password=s3cret", "copy_2026");
        assertEquals(Map.of("storage", "postgres", "plugin.postgres.jdbcUrl",
                "jdbc:postgresql://db.internal/swipeloop?user=app&password=s3cret", "plugin.postgres.schema", "copy_2026"),
                end.settings());
        assertEquals("postgres:jdbc:postgresql://db.internal/swipeloop?user=app&password=***", end.toString(),
                "messages never show the password");
    }

    @Test
    void badEndsAreRefusedNamingTheFlag() {
        assertEquals("--from is required: sqlite:DIR, sqlite:FILE.db or postgres:JDBC_URL",
                assertThrows(UsageException.class, () -> StorageEndpoint.parse("from", null, null)).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> StorageEndpoint.parse("to", "mysql://x", null))
                .getMessage().startsWith("--to mysql://x is not a storage this command knows"));
        assertTrue(assertThrows(UsageException.class, () -> StorageEndpoint.parse("to", "postgres:db.internal", null))
                .getMessage().startsWith("--to postgres:db.internal is not a storage"), "a JDBC URL is needed");
        assertEquals("--to-schema applies to a postgres: end only", assertThrows(UsageException.class,
                () -> StorageEndpoint.parse("to", "sqlite:" + dir, "copy")).getMessage());
        StorageEndpoint missing = StorageEndpoint.parse("from", "sqlite:" + dir.resolve("nope"), null);
        assertEquals("--from sqlite:" + dir.resolve("nope") + ": " + dir.resolve("nope") + " does not exist",
                assertThrows(UsageException.class, missing::requireExisting).getMessage());
    }
}
