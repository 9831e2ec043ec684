package dev.swipeloop.plugins.sqlite;

/**
 * The statements that append votes, public so a benchmark can run exactly what the plugin
 * runs. An append touches only {@code votes} (its rowid and its UUIDv7-ordered unique index)
 * and the seq counter; the per-rater index and the judged counts are folded in later, in
 * large batches, by the plugin's indexer. One append, in one {@code BEGIN IMMEDIATE … COMMIT}:
 * <ol>
 *   <li>{@link #RESERVE_SEQS} with the batch size: returns {@code first}, the first seq of the
 *       batch (seqs {@code first … first + n - 1} are now taken, even by duplicates);</li>
 *   <li>{@link #INSERT} once per vote via {@code addBatch}, seq {@code first + i}, then one
 *       {@code executeBatch}: an update count of 1 means stored, 0 means the (app, id) pair was
 *       already there (a duplicate; its seq stays unused).</li>
 * </ol>
 */
public final class VoteSql {
    /** Parameter: the batch size. Result: one row, the first seq reserved. */
    public static final String RESERVE_SEQS = """
            UPDATE sequences SET last_value = last_value + ?1 WHERE name = 'votes' \
            RETURNING last_value - ?1 + 1""";

    /**
     * Parameters: seq, app_id, id (16-byte BLOB), rater, session, kind ({@code binary} or
     * {@code pair}), item (binary: the item; pair: the left one), right_item (pair only),
     * answer (verdict or choice, wire spelling), dwell_ms, client_ts and received_at (epoch
     * microseconds), verified (1 when a rater token vouched for the vote, else 0). Optional
     * values are NULL. A NULL verified, or one left unbound as by callers written before it
     * existed (SQLite binds NULL then), is stored as 0.
     */
    public static final String INSERT = """
            INSERT INTO votes (seq, app_id, id, rater, session, kind, item, right_item, answer, \
            dwell_ms, client_ts, received_at, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, 0)) \
            ON CONFLICT (app_id, id) DO NOTHING""";

    static final String COLUMNS = "seq, app_id, id, rater, session, kind, item, right_item, answer, dwell_ms, "
            + "client_ts, received_at, verified";

    /** {@link #INSERT}'s parameters; a seq or (app_id, id) that is stored fails the statement instead. */
    static final String RESTORE = "INSERT INTO votes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    // Walks votes_by_app (app_id = ? AND rowid > ?): only this app's votes, already in seq order.
    static final String AFTER = "SELECT " + COLUMNS + " FROM votes WHERE seq > ? AND app_id = ? ORDER BY seq LIMIT ?";

    static final String STATS = """
            SELECT count(*) AS votes, coalesce(sum(kind = 'binary'), 0) AS binary_votes, \
            coalesce(sum(kind = 'pair'), 0) AS pair_votes, count(DISTINCT rater) AS raters, \
            coalesce(max(seq), 0) AS last_seq FROM votes WHERE app_id = ?""";

    /** Answered from votes_by_app (app_id, seq): one index seek, not a count. */
    static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM votes WHERE app_id = ?";

    private VoteSql() {
    }
}
