package dev.swipeloop.plugins.postgres;

/**
 * The statements that append votes, public so a benchmark can run exactly what the plugin
 * runs. One append is one transaction, in this order:
 * <ol>
 *   <li>the apps' advisory vote locks ({@link AdvisoryLocks}), so seqs follow commit order;</li>
 *   <li>{@link #DRAW_SEQS} with the batch size: one fresh seq per vote, increasing;</li>
 *   <li>{@link #INSERT}, the whole batch as one array per column: stores every vote whose
 *       (app, id) is new. Its update count tells how many were; when fewer (a retried vote),
 *       {@link #STORED} with the batch's seqs tells which (a duplicate's seq is never stored,
 *       nor given out again).</li>
 * </ol>
 * The judged counts are not touched: a background fold ({@link VoteFolds}) adds them later.
 * No statement returns the rows it writes: a RETURNING clause costs an append about a sixth of
 * its speed, for what the update count almost always says alone.
 */
public final class VoteSql {
    /** Parameter: the batch size. Result: that many seqs, one row each. */
    public static final String DRAW_SEQS = "SELECT nextval('vote_seqs') FROM generate_series(1, ?)";

    private static final String COLUMNS_FROM_ARRAYS = """
            INSERT INTO votes (seq, app_id, id, rater, session, kind, item, right_item, answer, dwell_ms, \
            client_ts, received_at, verified) \
            SELECT * FROM unnest(?::int8[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], \
            ?::text[], ?::text[], ?::int4[], ?::int8[], ?::int8[], ?::bool[])""";

    /**
     * Parameters, each an array with one element per vote, in this order: seq int8[], app_id
     * text[], id uuid[], rater text[], session text[], kind text[] ({@code binary} or
     * {@code pair}), item text[] (binary: the item; pair: the left one), right_item text[] (pair
     * only), answer text[] (verdict or choice, wire spelling), dwell_ms int4[], client_ts int8[]
     * and received_at int8[] (epoch microseconds), verified bool[]. Optional values are NULL.
     * The same (app, id) twice in one batch would store the first copy; the plugin drops such
     * copies before binding, so it knows which copy was stored.
     */
    public static final String INSERT = COLUMNS_FROM_ARRAYS + " ON CONFLICT (app_id, id) DO NOTHING";

    /** {@link #INSERT} for votes that must all be new: a seq or (app, id) stored before fails it. */
    static final String RESTORE = COLUMNS_FROM_ARRAYS;

    /** Parameters: the apps and the seqs an insert was given. Result: the seqs it stored (by the primary key). */
    public static final String STORED = "SELECT seq FROM votes WHERE app_id = ANY (?::text[]) AND seq = ANY (?::int8[])";

    static final String COLUMNS = "seq, app_id, id, rater, session, kind, item, right_item, answer, dwell_ms, "
            + "client_ts, received_at, verified";

    // Walks the primary key (app_id, seq): only this app's votes, already in seq order.
    static final String AFTER = "SELECT " + COLUMNS + " FROM votes WHERE app_id = ? AND seq > ? ORDER BY seq LIMIT ?";

    /** One statement, so one snapshot: items and votes agree. Both parameters are the app. */
    static final String STATS = """
            SELECT (SELECT count(*) FROM items WHERE app_id = ?) AS items, count(*) AS votes, \
            count(*) FILTER (WHERE kind = 'binary') AS binary_votes, count(*) FILTER (WHERE kind = 'pair') AS pair_votes, \
            count(DISTINCT rater) AS raters, coalesce(max(seq), 0) AS last_seq FROM votes WHERE app_id = ?""";

    /** One descent of the primary key. */
    static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM votes WHERE app_id = ?";

    static final String RATER_SUMMARY = "SELECT count(*) AS votes, min(received_at) AS first, max(received_at) AS last"
            + " FROM votes WHERE app_id = ? AND rater = ?";

    private VoteSql() {
    }
}
