package dev.swipeloop.plugins.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.RaterProfile;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.reward.LeaderboardRow;
import dev.swipeloop.sdk.storage.StorageFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Schema v4 on SQLite: a v3 file upgrades in place, and the ledger's new reads use their indexes. */
class SqliteRewardsSchemaTest {
    /** How a v3 plugin appended a vote: the columns before {@code verified}. */
    private static final String V3_VOTE = """
            INSERT INTO votes (seq, app_id, id, rater, session, kind, item, right_item, answer, dwell_ms, client_ts, \
            received_at) VALUES (1, 'old', ?, 'ann', ?, 'binary', ?, NULL, 'like', ?, ?, ?)""";
    private static final String V3_LEDGER = """
            INSERT INTO ledger (seq, app_id, rater, policy, points, reason, vote_id, at) \
            VALUES (1, 'old', 'ann', 'points', 5, 'vote accepted', ?, ?)""";

    @TempDir
    Path dataDir;

    @Test
    void aVersion3DatabaseIsUpgradedInPlaceAndKeepsItsVotesAndLedger() throws Exception {
        Path file = dataDir.resolve("v3.db");
        Vote vote = StorageFixtures.binaryVote("old", "ann", "i0", Verdict.LIKE);
        Instant earned = vote.receivedAt();
        writeVersion3(file, vote, earned);

        try (SqliteStorage storage = startOn(file)) {
            assertEquals(List.of(vote.withSeq(1)), storage.votesAfter("old", 0, 10), "kept, and anonymous");
            LedgerEntry kept = new LedgerEntry("old", "ann", "points", 5, "vote accepted", vote.id(), earned, 1);
            assertEquals(List.of(kept), storage.ledger("old", "ann"), "kept, vesting when it was made");

            Vote vouched = StorageFixtures.binaryVote("old", "ann", "i1").withVerified(true);
            assertEquals(2, storage.appendVotes(List.of(vouched)).seq(0), "seqs go on where v3 left them");
            assertEquals(0, storage.ledgerCursor("old", "rewards"));
            List<LedgerEntry> paid = storage.appendLedger(List.of(new LedgerEntry("old", "ann", "points", 5,
                    "vote accepted", vouched.id(), vouched.receivedAt(), 0)), "old", "rewards", 0, 2);
            assertEquals(2, paid.get(0).seq());
            storage.saveRaterProfile(new RaterProfile("old", "ann", "Ann", true, vouched.receivedAt()));
        }
        try (SqliteStorage storage = startOn(file)) {
            assertEquals(List.of(false, true), storage.votesAfter("old", 0, 10).stream().map(Vote::verified).toList());
            assertEquals(List.of(new LeaderboardRow("ann", "Ann", 10)),
                    storage.leaderboard("old", earned, Instant.parse("2027-01-01T00:00:00Z"), 10),
                    "entries from before v4 count on the leaderboard");
            assertEquals(10, storage.ledgerPointsSince("old", earned));
        }
        try (Connection connection = raw(file)) {
            assertEquals(SchemaMigrations.LATEST_VERSION, SchemaMigrations.userVersion(connection));
        }
    }

    /** The host pages through the ledger and sums it as votes come in: neither may read all of it. */
    @Test
    void ledgerPagesAndSumsReadOnlyTheirAppsRange() throws Exception {
        try (SqliteStorage storage = startOn(dataDir.resolve("plans.db"))) {
            storage.createApp(StorageFixtures.app("warm-up"));
        }
        try (Connection connection = raw(dataDir.resolve("plans.db"))) {
            String after = plan(connection, LedgerStore.AFTER);
            assertTrue(after.contains("SEARCH ledger USING INDEX ledger_by_app (app_id=? AND rowid>?)"), after);
            assertFalse(after.contains("TEMP B-TREE"), after);

            String since = plan(connection, LedgerSums.POINTS_SINCE);
            assertTrue(since.contains("SEARCH ledger USING COVERING INDEX ledger_by_app_time (app_id=? AND at>?)"),
                    since);

            String board = plan(connection, LedgerSums.LEADERBOARD);
            assertFalse(board.contains("SCAN ledger") || board.contains("SCAN rater_profiles") || board.contains("SCAN p")
                    || board.contains("SCAN l"), board);
        }
    }

    /** Schema v3 with one app, one vote and one ledger entry, written as the v3 plugin wrote them. */
    private static void writeVersion3(Path file, Vote vote, Instant earned) throws SQLException {
        try (Connection connection = raw(file); Statement statement = connection.createStatement()) {
            for (String script : SchemaMigrations.SCRIPTS.subList(0, 3)) {
                statement.executeUpdate(SchemaMigrations.script(script));
            }
            statement.execute("PRAGMA user_version = 3");
            statement.executeUpdate("INSERT INTO apps (id, name, allowed_origins, publishable_key, secret_key_hash,"
                    + " signing_secret, created_at) VALUES ('old', 'Old app', '', 'pk_old', '00', 'ss_old', 0)");
            try (PreparedStatement insert = connection.prepareStatement(V3_VOTE)) {
                insert.setBytes(1, Columns.bytes(vote.id()));
                insert.setString(2, vote.session());
                insert.setString(3, ((Judgement.Binary) vote.judgement()).item());
                insert.setInt(4, vote.dwellMs());
                insert.setLong(5, Columns.micros(vote.clientTs()));
                insert.setLong(6, Columns.micros(vote.receivedAt()));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(V3_LEDGER)) {
                insert.setBytes(1, Columns.bytes(vote.id()));
                insert.setLong(2, Columns.micros(earned));
                insert.executeUpdate();
            }
            statement.executeUpdate("UPDATE sequences SET last_value = 1");
        }
    }

    private SqliteStorage startOn(Path file) {
        SqliteStorage storage = new SqliteStorage();
        storage.start(new TestPluginContext("storage-sqlite", dataDir, "sqlite"),
                storage.configSpec().parse(Map.of("path", file.toString())));
        return storage;
    }

    private static Connection raw(Path file) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return source.getConnection();
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
}
