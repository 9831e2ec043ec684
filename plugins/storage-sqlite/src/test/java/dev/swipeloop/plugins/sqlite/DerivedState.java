package dev.swipeloop.plugins.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteDataSource;

/**
 * Checks the indexer's derived state against {@code votes}, the source of truth, through a
 * connection of its own: the judged counts against a fresh GROUP BY recount, and
 * {@code rater_votes} against the votes up to the high-water mark.
 */
final class DerivedState {
    private static final String STORED_COUNTS =
            "SELECT app_id, id, binary_judged, pair_judged FROM items ORDER BY app_id, id";

    /** The same counting rule as the indexer: a pair counts for each side, once if both are one item. */
    private static final String RECOUNT = """
            WITH folded AS (SELECT * FROM votes WHERE seq <= ?1), \
            judged AS (SELECT app_id, kind, item FROM folded \
                UNION ALL SELECT app_id, kind, right_item FROM folded WHERE right_item <> item), \
            counts AS (SELECT app_id, item, sum(kind = 'binary') AS b, sum(kind = 'pair') AS p \
                FROM judged GROUP BY app_id, item) \
            SELECT i.app_id, i.id, coalesce(c.b, 0), coalesce(c.p, 0) FROM items i \
            LEFT JOIN counts c ON c.app_id = i.app_id AND c.item = i.id ORDER BY i.app_id, i.id""";

    private static final String FOLDED_VOTES = """
            SELECT app_id, rater, kind, seq, item, right_item FROM votes WHERE seq <= ?1 ORDER BY seq""";
    private static final String RATER_VOTES =
            "SELECT app_id, rater, kind, seq, item, right_item FROM rater_votes ORDER BY seq";

    private DerivedState() {
    }

    static Connection open(Path file) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return source.getConnection();
    }

    static long indexedSeq(Path file) throws SQLException {
        try (Connection connection = open(file)) {
            return Long.parseLong(rows(connection, RaterIndexSql.INDEXED_SEQ, 0).get(0).get(0));
        }
    }

    /** Counts and rater_votes agree with the votes up to the high-water mark. */
    static void assertConsistent(Path file) throws SQLException {
        try (Connection connection = open(file)) {
            // One read transaction: a running indexer may fold more votes between the statements.
            connection.setAutoCommit(false);
            long indexed = Long.parseLong(rows(connection, RaterIndexSql.INDEXED_SEQ, 0).get(0).get(0));
            assertEquals(rows(connection, RECOUNT, indexed), rows(connection, STORED_COUNTS, 0),
                    "judged counts = a recount of the votes up to seq " + indexed);
            assertEquals(rows(connection, FOLDED_VOTES, indexed), rows(connection, RATER_VOTES, 0),
                    "rater_votes holds exactly the votes up to seq " + indexed);
        }
    }

    /** Every vote is folded and the derived state agrees with it. */
    static void assertFullyFolded(Path file) throws SQLException {
        try (Connection connection = open(file)) {
            assertEquals(List.of(List.of("0")), rows(connection,
                    "SELECT count(*) FROM votes WHERE seq > (" + RaterIndexSql.INDEXED_SEQ + ")", 0),
                    "the indexer folded every vote");
        }
        assertConsistent(file);
    }

    static List<List<String>> rows(Connection connection, String sql, long seq) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (sql.contains("?1")) {
                query.setLong(1, seq);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(row.getString(i));
                    }
                    rows.add(values);
                }
            }
            return rows;
        }
    }
}
