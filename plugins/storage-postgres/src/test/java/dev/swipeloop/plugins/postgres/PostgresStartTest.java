package dev.swipeloop.plugins.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.PluginStartException;
import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.storage.StorageFixtures;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Settings, start failures as an operator meets them, and the schema's version. */
class PostgresStartTest {
    private static final String URL_SETTING = "plugin.postgres.jdbcUrl";
    private final TestSchemas schemas = new TestSchemas("start");

    @AfterEach
    void dropSchemas() {
        schemas.dropAll();
    }

    private PluginStartException startFails(Map<String, String> settings) {
        return assertThrows(PluginStartException.class, () -> TestSchemas.start(schemas.fresh(), settings));
    }

    @Test
    void nothingListeningOnThePortNamesTheUrlSetting() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/test";
        PluginStartException e = startFails(Map.of("jdbcUrl", url, "connectTimeoutMs", "2000"));
        assertEquals(URL_SETTING, e.setting());
        assertTrue(e.getMessage().startsWith("cannot reach PostgreSQL at " + url + " ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("start the server, or point " + URL_SETTING + " at it"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line for the host's report");
    }

    @Test
    void aDatabaseThatDoesNotExistNamesTheUrlSetting() {
        PluginStartException e = startFails(Map.of("jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/no_such_database"));
        assertEquals(URL_SETTING, e.setting());
        assertTrue(e.getMessage().contains("has no such database"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_database"), e.getMessage());
    }

    @Test
    void aRoleThatDoesNotExistNamesTheUserSetting() {
        PluginStartException e = startFails(Map.of("user", "no_such_role"));
        assertEquals("plugin.postgres.user", e.setting());
        assertTrue(e.getMessage().contains("refused the login"), e.getMessage());
    }

    @Test
    void aUrlOfAnotherDatabaseNamesTheUrlSetting() {
        PluginStartException e = startFails(Map.of("jdbcUrl", "jdbc:mysql://127.0.0.1:3306/test"));
        assertEquals(URL_SETTING, e.setting());
        assertTrue(e.getMessage().contains("is not a PostgreSQL JDBC URL"), e.getMessage());
    }

    @Test
    void aPasswordInTheUrlOrTheSettingsNeverShows() {
        PluginStartException e = startFails(Map.of("jdbcUrl",
                "jdbc:postgresql://127.0.0.1:5432/no_such_database?user=postgres&password=hunter2", "password", "s3cret"));
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("password=****"), e.getMessage());
        PostgresSettings settings = PostgresSettings.from(PostgresSettings.SPEC.parse(Map.of("password", "s3cret")));
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
    }

    @Test
    void aUserInTheUrlWorksWithoutTheUserSetting() {
        String schema = schemas.fresh();
        try (PostgresStorage storage = TestSchemas.start(schema, Map.of("jdbcUrl", TestSchemas.URL + "?user=postgres"))) {
            storage.createApp(StorageFixtures.app("kept"));
            assertTrue(storage.app("kept").isPresent());
        }
    }

    @Test
    void badSettingsAreAllReportedBeforeStart() {
        ConfigException e = assertThrows(ConfigException.class, () -> new PostgresStorage().configSpec()
                .parse(Map.of("schema", "Swipe-Loop", "poolSize", "0", "connectTimeoutMs", "ten")));
        assertEquals(List.of("connectTimeoutMs", "poolSize", "schema"),
                e.errors().stream().map(ConfigError::key).sorted().toList());
    }

    @Test
    void theSchemaIsCreatedAndMigratedOnceAndKeepsItsData() throws Exception {
        String schema = schemas.fresh();
        try (PostgresStorage storage = TestSchemas.start(schema)) {
            storage.createApp(StorageFixtures.app("kept"));
        }
        try (PostgresStorage storage = TestSchemas.start(schema)) {
            assertTrue(storage.app("kept").isPresent());
        }
        try (Connection connection = TestSchemas.admin()) {
            assertEquals(SchemaMigrations.LATEST_VERSION, SchemaMigrations.migrate(connection, schema), "nothing pending");
            try (Statement statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                         + " WHERE table_schema = '" + schema + "' ORDER BY table_name")) {
                StringBuilder tables = new StringBuilder();
                while (rows.next()) {
                    tables.append(rows.getString(1)).append(' ');
                }
                assertEquals("app_seqs app_settings apps export_cursors items judged_counts leases ledger ledger_cursors"
                        + " rater_profiles schema_version vote_folds votes ", tables.toString());
            }
        }
    }

    @Test
    void aSchemaNamedByAReservedWordIsCreatedAndUsed() throws Exception {
        try {
            try (PostgresStorage storage = TestSchemas.start("user")) {
                storage.createApp(StorageFixtures.app("kept"));
                storage.appendVotes(List.of(StorageFixtures.binaryVote("kept", "ann", "i0")));
            }
            try (PostgresStorage storage = TestSchemas.start("user")) {
                assertEquals(1, storage.stats("kept").votes(), "the second start found the schema migrated");
            }
        } finally {
            try (Connection connection = TestSchemas.admin(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS \"user\" CASCADE");
            }
        }
    }

    @Test
    void aReadOnlySessionOnAMigratedSchemaStartsAndReads() {
        String schema = schemas.fresh();
        try (PostgresStorage writer = TestSchemas.start(schema)) {
            writer.createApp(StorageFixtures.app("kept"));
            writer.upsertItems(StorageFixtures.items("kept", "i", 3));
            writer.appendVotes(List.of(StorageFixtures.binaryVote("kept", "ann", "i0")));
        }
        // What a hot standby gives every session: no DDL, no writes.
        String readOnly = TestSchemas.URL + "?options=-c%20default_transaction_read_only%3Don";
        try (PostgresStorage replica = TestSchemas.start(schema, Map.of("jdbcUrl", readOnly))) {
            assertEquals(1, replica.stats("kept").votes());
            assertEquals(Map.of("i0", 1L, "i1", 0L), replica.judgements("kept", List.of("i0", "i1")));
            assertEquals(1, replica.votesAfter("kept", 0, 10).size());
            assertEquals(null, replica.folder(), "nothing to fold on a read-only connection");
        }
    }

    @Test
    void aReadOnlySessionOnASchemaNotMigratedYetSaysToMigrateThroughThePrimary() {
        String readOnly = TestSchemas.URL + "?options=-c%20default_transaction_read_only%3Don";

        PluginStartException e = assertThrows(PluginStartException.class,
                () -> TestSchemas.start(schemas.fresh(), Map.of("jdbcUrl", readOnly)));

        assertEquals(URL_SETTING, e.setting());
        assertTrue(e.getMessage().contains("migrate it through the primary first (start a host on the primary once)"),
                e.getMessage());
    }

    @Test
    void aSchemaFromANewerPluginIsRefusedAndLeftAlone() throws Exception {
        String schema = schemas.fresh();
        TestSchemas.start(schema).close();
        try (Connection connection = TestSchemas.admin(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + schema + ".schema_version (version) VALUES (99)");
        }
        PluginStartException e = assertThrows(PluginStartException.class, () -> TestSchemas.start(schema));
        assertEquals("plugin.postgres.schema", e.setting());
        assertTrue(e.getMessage().contains("has version 99, newer than the " + SchemaMigrations.LATEST_VERSION),
                e.getMessage());
        try (Connection connection = TestSchemas.admin(); Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT max(version) FROM " + schema + ".schema_version")) {
            row.next();
            assertEquals(99, row.getInt(1), "left as it was");
        }
    }
}
