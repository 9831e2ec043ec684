package dev.swipeloop.plugins.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.PluginStartException;
import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.storage.StorageFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** What only SQLite has: pragmas, the schema version, the file on disk, the benchmark's statements. */
class SqliteSpecificsTest {
    private static final String PATH_SETTING = "plugin.sqlite.path";

    @TempDir
    Path dataDir;

    private SqliteStorage start(Map<String, String> settings) {
        SqliteStorage storage = new SqliteStorage();
        storage.start(new TestPluginContext("storage-sqlite", dataDir, "sqlite"), storage.configSpec().parse(settings));
        return storage;
    }

    private SqliteStorage startOn(Path file) {
        return start(Map.of("path", file.toString()));
    }

    private static Connection raw(Path file) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return source.getConnection();
    }

    @Test
    void everyConnectionRunsInWalWithFullSync() {
        try (SqliteStorage storage = start(Map.of("readConnections", "3", "busyTimeoutMs", "1234"))) {
            assertEquals(List.of("wal", "wal", "wal", "wal"), storage.pragmaEverywhere("journal_mode"));
            assertEquals(List.of("2", "2", "2", "2"), storage.pragmaEverywhere("synchronous"), "2 is FULL");
            assertEquals(List.of("1234", "1234", "1234", "1234"), storage.pragmaEverywhere("busy_timeout"));
            assertEquals(List.of("-16384", "-16384", "-16384", "-16384"), storage.pragmaEverywhere("cache_size"));
        }
        assertTrue(Files.exists(dataDir.resolve("swipeloop.db")), "the default file is <data>/swipeloop.db");
    }

    @Test
    void anEmptyFileIsMigratedToTheLatestSchemaAndMigratingAgainChangesNothing() throws Exception {
        Path file = Files.createFile(dataDir.resolve("empty.db"));
        try (SqliteStorage storage = startOn(file)) {
            storage.createApp(StorageFixtures.app("kept"));
        }
        try (SqliteStorage storage = startOn(file)) {
            assertTrue(storage.app("kept").isPresent());
        }
        try (Connection connection = raw(file)) {
            assertEquals(SchemaMigrations.LATEST_VERSION, SchemaMigrations.userVersion(connection));
            assertEquals(SchemaMigrations.LATEST_VERSION, SchemaMigrations.migrate(connection), "nothing pending");
            assertEquals(List.of("app_settings", "apps", "export_cursors", "items", "leases", "ledger",
                    "ledger_cursors", "rater_profiles", "rater_votes", "sequences", "vote_index", "votes"), tables(connection));
        }
    }

    /** A file from before export cursors and app settings: upgraded on start, its data kept. */
    @Test
    void aVersion1DatabaseIsUpgradedInPlaceAndKeepsItsData() throws Exception {
        Path file = dataDir.resolve("v1.db");
        try (Connection connection = raw(file); Statement statement = connection.createStatement()) {
            statement.executeUpdate(SchemaMigrations.script(SchemaMigrations.SCRIPTS.get(0)));
            statement.execute("PRAGMA user_version = 1");
            statement.executeUpdate("INSERT INTO apps (id, name, allowed_origins, publishable_key, secret_key_hash,"
                    + " signing_secret, created_at) VALUES ('old', 'Old app', '', 'pk_old', '00', 'ss_old', 0)");
        }
        try (SqliteStorage storage = startOn(file)) {
            assertEquals("Old app", storage.app("old").orElseThrow().name());
            assertEquals(OptionalLong.empty(), storage.exportCursor("old", "nightly"));
            storage.saveExportCursor("old", "nightly", 12);
            storage.updateAppSettings("old", Map.of("ranking.z", "2.576"), List.of());
        }
        try (SqliteStorage storage = startOn(file)) {
            assertEquals(OptionalLong.of(12), storage.exportCursor("old", "nightly"));
            assertEquals(Map.of("ranking.z", "2.576"), storage.appSettings("old"));
        }
        try (Connection connection = raw(file)) {
            assertEquals(SchemaMigrations.LATEST_VERSION, SchemaMigrations.userVersion(connection));
        }
    }

    @Test
    void aDatabaseFromANewerPluginIsRefusedAndLeftAlone() throws Exception {
        Path file = dataDir.resolve("future.db");
        int future = SchemaMigrations.LATEST_VERSION + 1;
        try (Connection connection = raw(file); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE from_the_future (x)");
            statement.execute("PRAGMA user_version = " + future);
        }
        PluginStartException e = assertThrows(PluginStartException.class, () -> startOn(file));
        assertOneLineNaming(e, "schema version " + future);
        try (Connection connection = raw(file)) {
            assertEquals(future, SchemaMigrations.userVersion(connection));
            assertEquals(List.of("from_the_future"), tables(connection));
        }
    }

    @Test
    void aPathThatCannotHoldADatabaseNamesTheSetting() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("plain-file"), "x");
        PluginStartException underAFile = assertThrows(PluginStartException.class,
                () -> startOn(notADirectory.resolve("swipeloop.db")));
        assertOneLineNaming(underAFile, "plain-file");

        Path directory = Files.createDirectory(dataDir.resolve("a-directory"));
        PluginStartException onADirectory = assertThrows(PluginStartException.class, () -> startOn(directory));
        assertOneLineNaming(onADirectory, "a-directory");
    }

    @Test
    void badSettingsAreAllReportedBeforeStart() {
        Map<String, String> settings = new HashMap<>();
        settings.put("readConnections", "0");
        settings.put("busyTimeoutMs", "soon");
        settings.put("cacheSizeMb", "-1");
        ConfigException e = assertThrows(ConfigException.class, () -> SqliteSettings.SPEC.parse(settings));
        assertEquals(List.of("readConnections", "busyTimeoutMs", "cacheSizeMb"),
                e.errors().stream().map(ConfigError::key).toList());
        SqliteSettings.SPEC.keys().forEach(key -> assertFalse(key.doc().isBlank()));
    }

    /**
     * The benchmark's raw JDBC path: the public schema and statements, bound by hand. It binds
     * the twelve parameters it knew before {@code verified}, which then stores 0 (anonymous).
     */
    @Test
    void theBenchmarkStatementsWriteWhatThePluginReads() throws Exception {
        Path file = dataDir.resolve("bench.db");
        Vote vote = StorageFixtures.binaryVote("bench", "rater-1", "item-1", Verdict.DISLIKE);
        try (Connection connection = raw(file); Statement statement = connection.createStatement()) {
            SchemaMigrations.migrate(connection);
            statement.execute("BEGIN IMMEDIATE");
            long first;
            try (PreparedStatement reserve = connection.prepareStatement(VoteSql.RESERVE_SEQS)) {
                reserve.setInt(1, 2);
                try (ResultSet row = reserve.executeQuery()) {
                    row.next();
                    first = row.getLong(1);
                }
            }
            int[] counts;
            try (PreparedStatement insert = connection.prepareStatement(VoteSql.INSERT)) {
                for (int copy = 0; copy < 2; copy++) {
                    insert.setLong(1, first + copy);
                    insert.setString(2, "bench");
                    insert.setBytes(3, Columns.bytes(vote.id()));
                    insert.setString(4, "rater-1");
                    insert.setString(5, vote.session());
                    insert.setString(6, "binary");
                    insert.setString(7, "item-1");
                    insert.setNull(8, java.sql.Types.VARCHAR);
                    insert.setString(9, "dislike");
                    insert.setInt(10, vote.dwellMs());
                    insert.setLong(11, Columns.micros(vote.clientTs()));
                    insert.setLong(12, Columns.micros(vote.receivedAt()));
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }
            statement.execute("COMMIT");
            assertEquals(1, first);
            assertEquals(List.of(1, 0), List.of(counts[0], counts[1]), "the copy is ignored, and says so");
        }
        try (SqliteStorage storage = startOn(file)) {
            assertEquals(List.of(vote.withSeq(1)), storage.votesAfter("bench", 0, 10));
            assertTrue(vote.judgement() instanceof Judgement.Binary);
        }
    }

    @Test
    void theCursorReadsOnlyItsAppsVotesInSeqOrderWithoutSorting() throws Exception {
        try (SqliteStorage storage = start(Map.of())) {
            storage.createApp(StorageFixtures.app("warm-up"));
        }
        try (Connection connection = raw(dataDir.resolve("swipeloop.db"));
             PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + VoteSql.AFTER)) {
            explain.setLong(1, 0);
            explain.setString(2, "app");
            explain.setInt(3, 10);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString("detail")).append('\n');
                }
            }
            assertTrue(plan.toString().contains("SEARCH votes USING INDEX votes_by_app (app_id=? AND rowid>?)"),
                    "only this app's votes are read, in seq order:\n" + plan);
            assertFalse(plan.toString().contains("TEMP B-TREE"), plan.toString());
        }
    }

    /** The unindexed tail is a rowid range of votes, never a scan of it; rater_votes is searched by key. */
    @Test
    void readsFindTheTailByRowidRangeAndRaterVotesByKey() throws Exception {
        try (SqliteStorage storage = start(Map.of())) {
            storage.createApp(StorageFixtures.app("warm-up"));
        }
        try (Connection connection = raw(dataDir.resolve("swipeloop.db"))) {
            List<String> statements = new ArrayList<>(DeckQuery.statements());
            statements.addAll(List.of(RaterIndexSql.RATER_SUMMARY, RaterIndexSql.DELETE_TAIL_VOTES,
                    RaterIndexSql.DELETE_FOLDED_VOTES, RaterIndexSql.UNCOUNT_RATER, JudgementQuery.judged(3)));
            for (String sql : statements) {
                String plan = plan(connection, sql);
                assertFalse(plan.contains("SCAN votes"), sql + "\n" + plan);
                assertFalse(plan.contains("SCAN rater_votes"), sql + "\n" + plan);
                if (sql.contains("seq > (")) {
                    assertTrue(plan.contains("SEARCH votes USING INTEGER PRIMARY KEY (rowid>?)"), sql + "\n" + plan);
                }
                if (sql.contains("FROM rater_votes")) {
                    assertTrue(plan.contains("SEARCH rater_votes USING PRIMARY KEY (app_id=? AND rater=?"),
                            sql + "\n" + plan);
                }
            }
            for (String sql : List.of(RaterIndexSql.FOLD_RATER_VOTES, RaterIndexSql.FOLD_COUNTS)) {
                String plan = plan(connection, sql);
                assertTrue(plan.contains("SEARCH votes USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"),
                        sql + "\n" + plan);
                assertFalse(plan.contains("SCAN votes") || plan.contains("SCAN items"), sql + "\n" + plan);
            }
        }
    }

    /** An export's page of ids is found by key, never by reading all of the app's items. */
    @Test
    void batchLookupsFindEachItemByItsKey() throws Exception {
        try (SqliteStorage storage = start(Map.of())) {
            storage.createApp(StorageFixtures.app("warm-up"));
        }
        try (Connection connection = raw(dataDir.resolve("swipeloop.db"))) {
            for (String sql : List.of(ItemRows.byIds(3), JudgementQuery.judged(3))) {
                String plan = plan(connection, sql);
                assertTrue(plan.contains("SEARCH items USING INDEX sqlite_autoindex_items_1 (app_id=? AND id=?)"), sql + "\n" + plan);
                assertFalse(plan.contains("SCAN items"), sql + "\n" + plan);
            }
        }
    }

    @Test
    void theWriterLeavesCheckpointsToTheIndexerWhichKeepsTheWalSmall() throws Exception {
        Path wal = dataDir.resolve("swipeloop.db-wal");
        VoteIndexer.Tuning often = new VoteIndexer.Tuning(512, 256, java.time.Duration.ofMillis(5),
                java.time.Duration.ofMillis(5), 16_384, java.time.Duration.ofSeconds(10));
        SqliteStorage storage = new SqliteStorage(often);
        storage.start(new TestPluginContext("storage-sqlite", dataDir, "sqlite"), storage.configSpec().parse(Map.of()));
        try (storage) {
            assertEquals("0", storage.pragmaEverywhere("wal_autocheckpoint").get(0), "the writer never checkpoints");
            storage.createApp(StorageFixtures.app("wal"));
            storage.upsertItems(StorageFixtures.items("wal", "item", 12));
            long largest = 0;
            for (int call = 0; call < 400; call++) {
                storage.appendVotes(StorageFixtures.mixedVotes("wal", 64, call));
                largest = Math.max(largest, Files.size(wal));
            }
            long walWithoutCheckpoints = 400 * 4096L * 3;
            assertTrue(largest < walWithoutCheckpoints / 2, "the WAL grew to " + largest + " bytes; 400 commits"
                    + " of at least three pages each write " + walWithoutCheckpoints);
        }
    }

    private static String plan(Connection connection, String sql) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString("detail")).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static void assertOneLineNaming(PluginStartException e, String detail) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(PATH_SETTING), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
        assertEquals(PATH_SETTING, e.setting());
    }

    private static List<String> tables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
