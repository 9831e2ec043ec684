package dev.swipeloop.plugins.postgres;

import static dev.swipeloop.sdk.storage.StorageFixtures.app;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.items;
import static dev.swipeloop.sdk.storage.StorageFixtures.pairVote;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Vote;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plans PostgreSQL picks for the reads that must not grow with the app's votes, on a
 * schema with enough rows (and fresh statistics) that a scan would be chosen if it were cheaper.
 */
class QueryPlanTest {
    private static final String APP = "planned";
    /** An app as large, whose votes interleave with APP's: a read that walks them shows in the plan. */
    private static final String OTHER_APP = "neighbour";
    private static final TestSchemas SCHEMAS = new TestSchemas("plans");
    private static String schema;

    @BeforeAll
    static void fill() throws SQLException {
        schema = SCHEMAS.fresh();
        try (PostgresStorage storage = TestSchemas.start(schema)) {
            for (String appId : List.of(APP, OTHER_APP)) {
                storage.createApp(app(appId));
                storage.upsertItems(items(appId, "item-", 3_000));
            }
            for (int rater = 0; rater < 300; rater++) {
                List<Vote> votes = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String appId = i % 2 == 0 ? APP : OTHER_APP;
                    int item = (rater * 41 + i * 7) % 3_000;
                    votes.add(i % 4 == 1 ? pairVote(appId, "rater-" + rater, "item-" + item, "item-" + (item + 1) % 3_000,
                            Choice.LEFT) : binaryVote(appId, "rater-" + rater, "item-" + item));
                }
                storage.appendVotes(votes);
            }
        }
        try (Connection connection = TestSchemas.admin(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE " + schema + ".votes");
            statement.execute("ANALYZE " + schema + ".items");
            statement.execute("ANALYZE " + schema + ".judged_counts");
        }
    }

    @AfterAll
    static void drop() {
        SCHEMAS.dropAll();
    }

    @Test
    void aDeckReadsOnlyTheRatersVotesFromTheirIndex() throws SQLException {
        for (String sql : DeckQuery.statements()) {
            String plan = plan(sql, APP, "rater-7", "binary", APP, APP, APP, APP, 20);
            assertFalse(plan.contains("Seq Scan on votes"), sql + "\n" + plan);
            assertTrue(plan.contains("votes_by_rater"), sql + "\n" + plan);
            assertTrue(plan.contains("hashed SubPlan"), "the judged items are looked up in a hash:\n" + plan);
            assertUnfoldedVotesReadThroughThePrimaryKey(plan);
        }
    }

    @Test
    void theCursorReadsOnlyItsAppsVotesInSeqOrderWithoutSorting() throws SQLException {
        String plan = plan(VoteSql.AFTER, APP, 1_000L, 1_000);
        assertTrue(plan.contains("Index Scan using votes_pkey"), plan);
        assertTrue(plan.contains("Index Cond: ((app_id = 'planned'::text) AND (seq > '1000'::bigint))"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void countsPerItemComeFromTheirKeysAndTheUnfoldedVotes() throws SQLException {
        try (Connection connection = TestSchemas.admin()) {
            String plan = plan(JudgementQuery.JUDGED, APP, APP, APP, APP,
                    connection.createArrayOf("text", new String[] {"item-1", "item-2", "item-3"}));
            assertFalse(plan.replace("Seq Scan on app_seqs", "").contains("Seq Scan"), "(a row per app)\n" + plan);
            assertUnfoldedVotesReadThroughThePrimaryKey(plan);
        }
    }

    /**
     * The votes after the app's folded_seq, and no others, come from the primary key (app_id,
     * seq), in order or through a bitmap of that range, never from a scan of the table.
     */
    private static void assertUnfoldedVotesReadThroughThePrimaryKey(String plan) {
        assertTrue(plan.matches("(?s).*(Index Scan using votes_pkey on votes|Bitmap Index Scan on votes_pkey)[^\\n]*"
                + "\\n\\s+Index Cond: \\(\\(app_id = "
                + "'planned'::text\\) AND \\(seq > \\$\\d\\) AND \\(seq <= \\$\\d\\)\\).*"), plan);
    }

    @Test
    void aFoldReadsTheNextVotesInSeqOrderThroughThePrimaryKey() throws SQLException {
        String plan = plan(VoteFolds.FOLD, APP, APP, APP, 2_000);
        assertUnfoldedVotesReadThroughThePrimaryKey(plan);
        assertFalse(plan.contains("Seq Scan on votes"), plan);
    }

    private static String plan(String sql, Object... parameters) throws SQLException {
        try (Connection connection = TestSchemas.admin()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO " + schema);
            }
            return plan(connection, "EXPLAIN " + sql, parameters);
        }
    }

    private static String plan(Connection connection, String explain, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(explain)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
