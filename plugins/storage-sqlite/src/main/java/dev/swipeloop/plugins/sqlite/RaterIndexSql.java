package dev.swipeloop.plugins.sqlite;

/**
 * The statements around the derived state: {@code rater_votes}, the items' judged counts and
 * the {@code vote_index} high-water mark. Every vote with {@code seq <= indexed_seq} is folded
 * (in rater_votes and counted); every later one is the <em>tail</em>, read from {@code votes}
 * by rowid range. A read that needs a rater's votes reads both in one statement, so it sees
 * one snapshot and neither misses nor doubles a vote the indexer folds meanwhile.
 *
 * <p>A pair vote counts for both of its items, once if both sides are the same item.
 *
 * <p>Public, like {@link VoteSql}, for the ingestion benchmark: its raw-insert baseline folds
 * with exactly these statements to leave the same database state the plugin leaves.
 */
public final class RaterIndexSql {
    public static final String INDEXED_SEQ = "SELECT indexed_seq FROM vote_index";

    /** The unindexed votes, by rowid range: "+" keeps the planner off the (app_id, id) index. */
    private static final String TAIL = "FROM votes WHERE seq > (" + INDEXED_SEQ + ")";

    // ---- folding one chunk: ?1 = indexed_seq, ?2 = the chunk's last seq -------------------

    /** ?1 = indexed_seq, ?2 = most votes per chunk. Result: the chunk's last seq, NULL if none. */
    public static final String CHUNK_END = "SELECT max(seq) FROM (SELECT seq FROM votes WHERE seq > ?1 ORDER BY seq LIMIT ?2)";

    /** Sorted by key, so the chunk's rows go into the index in one ordered pass. */
    public static final String FOLD_RATER_VOTES = """
            INSERT INTO rater_votes (app_id, rater, kind, seq, item, right_item) \
            SELECT app_id, rater, kind, seq, item, right_item FROM votes WHERE seq > ?1 AND seq <= ?2 \
            ORDER BY app_id, rater, kind, seq""";

    /** One UPDATE per judged item of the chunk, however many votes it got. */
    public static final String FOLD_COUNTS = """
            UPDATE items SET binary_judged = binary_judged + c.binary_n, pair_judged = pair_judged + c.pair_n \
            FROM (SELECT app_id, item, sum(kind = 'binary') AS binary_n, sum(kind = 'pair') AS pair_n FROM ( \
                SELECT app_id, kind, item FROM votes WHERE seq > ?1 AND seq <= ?2 \
                UNION ALL SELECT app_id, kind, right_item FROM votes WHERE seq > ?1 AND seq <= ?2 \
                AND right_item <> item) GROUP BY app_id, item) AS c \
            WHERE items.app_id = c.app_id AND items.id = c.item""";

    public static final String ADVANCE = "UPDATE vote_index SET indexed_seq = ?1";

    // ---- reads: ?1 = app, ?2 = rater, ?3 = kind ------------------------------------------

    /** Items the rater judged in votes of the kind, folded and tail, for the deck's NOT IN. */
    static final String JUDGED_BY_RATER = """
            SELECT item FROM rater_votes WHERE app_id = ?1 AND rater = ?2 AND kind = ?3 \
            UNION ALL SELECT right_item FROM rater_votes WHERE app_id = ?1 AND rater = ?2 AND kind = ?3 \
            AND right_item IS NOT NULL \
            UNION ALL SELECT item FROM tail WHERE rater = ?2 \
            UNION ALL SELECT right_item FROM tail WHERE rater = ?2 AND right_item IS NOT NULL""";

    /** The CTE {@code tail}: the app's unindexed votes of the kind, read once per deck. */
    static final String TAIL_OF_KIND = "tail AS MATERIALIZED (SELECT rater, item, right_item " + TAIL
            + " AND +app_id = ?1 AND +kind = ?3)";

    /** The CTE {@code tail}: the app's unindexed votes of both kinds, for exact per-item counts. */
    static final String TAIL_OF_APP = "tail AS MATERIALIZED (SELECT item, right_item " + TAIL + " AND +app_id = ?1)";

    /** Per item, the tail's votes not yet in the judged count: (item, n). */
    static final String PENDING_COUNTS = """
            SELECT item, count(*) AS n FROM (SELECT item FROM tail UNION ALL SELECT right_item FROM tail \
            WHERE right_item <> item) GROUP BY item""";

    static final String RATER_SUMMARY = "SELECT count(*) AS votes, min(received_at) AS first,"
            + " max(received_at) AS last FROM votes WHERE seq IN (SELECT seq FROM rater_votes"
            + " WHERE app_id = ?1 AND rater = ?2 UNION ALL SELECT seq " + TAIL + " AND +app_id = ?1 AND +rater = ?2)";

    // ---- deleting a rater, in one write transaction: ?1 = app, ?2 = rater ------------------

    /** Takes the rater's folded votes out of the counts; tail votes were never counted. */
    static final String UNCOUNT_RATER = """
            UPDATE items SET binary_judged = max(binary_judged - c.binary_n, 0), \
            pair_judged = max(pair_judged - c.pair_n, 0) \
            FROM (SELECT item, sum(kind = 'binary') AS binary_n, sum(kind = 'pair') AS pair_n FROM ( \
                SELECT kind, item FROM rater_votes WHERE app_id = ?1 AND rater = ?2 \
                UNION ALL SELECT kind, right_item FROM rater_votes WHERE app_id = ?1 AND rater = ?2 \
                AND right_item <> item) GROUP BY item) AS c \
            WHERE items.app_id = ?1 AND items.id = c.item""";

    static final String DELETE_FOLDED_VOTES =
            "DELETE FROM votes WHERE seq IN (SELECT seq FROM rater_votes WHERE app_id = ?1 AND rater = ?2)";

    static final String DELETE_TAIL_VOTES = "DELETE " + TAIL + " AND +app_id = ?1 AND +rater = ?2";

    static final String DELETE_RATER_VOTES = "DELETE FROM rater_votes WHERE app_id = ?1 AND rater = ?2";

    private RaterIndexSql() {
    }
}
