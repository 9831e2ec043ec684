package dev.swipeloop.plugins.postgres;

/**
 * The statements that append votes, public so a benchmark can run exactly what the plugin
 * runs. One append is one transaction of two statements and a commit:
 * <ol>
 *   <li>the app's advisory vote lock ({@link AdvisoryLocks}), so seqs follow commit order;</li>
 *   <li>{@link #APPEND}, with the batch bound as one array per column: it inserts every vote
 *       whose (app, id) is new under a fresh seq, adds the batch's judgements to the items'
 *       counts, and returns (seq, app_id, id) of the votes it stored; the others were
 *       duplicates. A duplicate still uses up a seq, which is never given out again.</li>
 * </ol>
 */
public final class VoteSql {
    /**
     * Parameters, each an array with one element per vote, in this order: app_id text[], id
     * uuid[], rater text[], session text[], kind text[] ({@code binary} or {@code pair}), item
     * text[] (binary: the item; pair: the left one), right_item text[] (pair only), answer
     * text[] (verdict or choice, wire spelling), dwell_ms int4[], client_ts int8[] and
     * received_at int8[] (epoch microseconds), verified bool[]. Optional values are NULL. The
     * same (app, id) twice in one batch stores the first copy only, but the plugin drops such
     * copies before binding, so it knows which copy was stored. Seqs increase in array order.
     */
    public static final String APPEND = """
            WITH stored AS ( \
            INSERT INTO votes (seq, app_id, id, rater, session, kind, item, right_item, answer, dwell_ms, \
            client_ts, received_at, verified) \
            SELECT nextval('vote_seqs'), v.* FROM unnest(?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], \
            ?::text[], ?::text[], ?::text[], ?::int4[], ?::int8[], ?::int8[], ?::bool[]) AS v \
            ON CONFLICT (app_id, id) DO NOTHING \
            RETURNING seq, app_id, id, kind, item, right_item), \
            counted AS (""" + JudgedCounts.add("stored") + ") SELECT seq, app_id, id FROM stored";

    static final String COLUMNS = "seq, app_id, id, rater, session, kind, item, right_item, answer, dwell_ms, "
            + "client_ts, received_at, verified";

    // Walks votes_by_app (app_id, seq): only this app's votes, already in seq order.
    static final String AFTER = "SELECT " + COLUMNS + " FROM votes WHERE app_id = ? AND seq > ? ORDER BY seq LIMIT ?";

    /** One statement, so one snapshot: items and votes agree. Both parameters are the app. */
    static final String STATS = """
            SELECT (SELECT count(*) FROM items WHERE app_id = ?) AS items, count(*) AS votes, \
            count(*) FILTER (WHERE kind = 'binary') AS binary_votes, count(*) FILTER (WHERE kind = 'pair') AS pair_votes, \
            count(DISTINCT rater) AS raters, coalesce(max(seq), 0) AS last_seq FROM votes WHERE app_id = ?""";

    /** One descent of votes_by_app. */
    static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM votes WHERE app_id = ?";

    static final String RATER_SUMMARY = "SELECT count(*) AS votes, min(received_at) AS first, max(received_at) AS last"
            + " FROM votes WHERE app_id = ? AND rater = ?";

    private VoteSql() {
    }
}
