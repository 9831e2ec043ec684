package dev.swipeloop.plugins.postgres;

/**
 * The statements that append votes. One append is one transaction with these per app of the
 * batch, apps in sorted order (so two batches of the same apps cannot deadlock), then the commit:
 * <ol>
 *   <li>{@link #DRAW_SEQS}: moves the app's {@code app_seqs} row on by the number of votes. The
 *       row stays locked to the commit, so within an app seqs follow commit order. An app
 *       without a row (votes may come for an app never created here) gets one from
 *       {@link #CREATE_COUNTERS}, and the statement runs again.</li>
 *   <li>{@link VoteCopy}: the votes under those seqs, by COPY; it expects every vote new.</li>
 *   <li>When a vote was stored before (a retry: rare), the copy fails with a unique violation
 *       on (app_id, id); the transaction is rolled back, which also takes back the seqs it
 *       drew, and runs again with {@link #APPEND_SKIPPING_KNOWN}, then {@link #STORED} tells
 *       which seqs were stored (a duplicate's seq is never stored, nor given out again).</li>
 * </ol>
 * The judged counts are not touched: a background fold ({@link VoteFolds}) adds them later.
 */
final class VoteSql {
    private static final String DRAW_AND_INSERT = """
            WITH counter AS (UPDATE app_seqs SET last_vote_seq = last_vote_seq + ? WHERE app_id = ? \
            RETURNING app_id, last_vote_seq), stored AS (INSERT INTO votes (seq, app_id, id, rater, session, kind, \
            item, right_item, answer, dwell_ms, client_ts, received_at, verified) \
            SELECT c.last_vote_seq - ? + v.n, c.app_id, v.id, v.rater, v.session, v.kind, v.item, v.right_item, \
            v.answer, v.dwell_ms, v.client_ts, v.received_at, v.verified FROM counter c, \
            unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], \
            ?::int8[], ?::int8[], ?::bool[]) WITH ORDINALITY \
            AS v(id, rater, session, kind, item, right_item, answer, dwell_ms, client_ts, received_at, verified, n)""";
    private static final String LAST_DRAWN = ") SELECT last_vote_seq FROM counter";

    /** Parameters: the number of votes, the app. Result: the app's last seq drawn, or no row when it has no counter. */
    static final String DRAW_SEQS = "UPDATE app_seqs SET last_vote_seq = last_vote_seq + ? WHERE app_id = ?"
            + " RETURNING last_vote_seq";

    /**
     * The retry of an append with a known vote: draws the app's seqs as {@link #DRAW_SEQS} does
     * and inserts the votes, skipping those whose (app, id) is stored (their seqs stay unused).
     * Parameters: the number of votes, the app, the number of votes again, then one array per
     * column with one element per vote, in this order: id uuid[], rater text[], session
     * text[], kind text[] ({@code binary} or {@code pair}), item text[] (binary: the item;
     * pair: the left one), right_item text[] (pair only), answer text[] (verdict or choice,
     * wire spelling), dwell_ms int4[], client_ts int8[] and received_at int8[] (epoch
     * microseconds), verified bool[]. Optional values are NULL. The i-th vote (from 1) gets
     * seq {@code last - n + i}. Result: one row, the app's last seq drawn, or no row when the
     * app has no counter yet (then nothing was written). The plugin drops second copies of an
     * (app, id) within a batch before binding, so it knows which copy was stored.
     */
    static final String APPEND_SKIPPING_KNOWN = DRAW_AND_INSERT + " ON CONFLICT (app_id, id) DO NOTHING"
            + LAST_DRAWN;

    /** Parameter: the apps. A counter at seq 0 for each that has none. */
    static final String CREATE_COUNTERS = "INSERT INTO app_seqs (app_id, last_vote_seq) SELECT unnest(?::text[]), 0"
            + " ON CONFLICT (app_id) DO NOTHING";

    /**
     * Parameter: the highest seq restored. Moves every app's counter up to it (SPI: later appends
     * go above every restored seq), locking the rows in key order, as appends do.
     */
    static final String KEEP_COUNTERS_ABOVE = "UPDATE app_seqs s SET last_vote_seq = greatest(s.last_vote_seq, ?)"
            + " FROM (SELECT app_id FROM app_seqs ORDER BY app_id FOR UPDATE) AS locked WHERE s.app_id = locked.app_id";

    /** Parameter: the app. Waits for the app's appends in flight and holds off later ones, to the commit. */
    static final String LOCK_COUNTER = "SELECT 1 FROM app_seqs WHERE app_id = ? FOR UPDATE";

    /** Restores: the votes as given, seq and app_id columns first; a seq or (app, id) stored before fails it. */
    static final String RESTORE = """
            INSERT INTO votes (seq, app_id, id, rater, session, kind, item, right_item, answer, dwell_ms, \
            client_ts, received_at, verified) \
            SELECT * FROM unnest(?::int8[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], \
            ?::text[], ?::text[], ?::int4[], ?::int8[], ?::int8[], ?::bool[])""";

    /** Parameters: the app and the seqs its insert drew. Result: the seqs it stored (by the primary key). */
    static final String STORED = "SELECT seq FROM votes WHERE app_id = ? AND seq = ANY (?::int8[])";

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
