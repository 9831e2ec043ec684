package dev.swipeloop.plugins.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds an app's committed votes into {@code judged_counts}, a chunk at a time, and says what
 * the folds have not reached. Every vote of an app with {@code seq <= vote_folds.folded_seq}
 * is counted, no later one is: the app's {@code app_seqs} row makes its seqs follow commit order, so a
 * fold that reads the next votes after folded_seq in seq order never passes one that commits
 * later. A fold first takes the app's fold lock without waiting, in a statement of its own (so
 * the fold's snapshot starts after the lock and sees the folded_seq the last fold committed);
 * when another host holds it, that host is folding the app and this one leaves it.
 */
final class VoteFolds {
    /**
     * The app's votes after its folded_seq (0 before its first fold). Parameters: the app,
     * twice. The upper bound, the app's last seq drawn, which every stored seq of the app meets,
     * is there for the planner: {@code seq > $x} alone it expects to match a third of the app's
     * votes, and on a large app it would scan the table; a range between two unknowns it
     * expects to be narrow, and takes the primary key.
     */
    private static final String AFTER_FOLDED_SEQ = "seq > (SELECT coalesce(max(folded_seq), 0) FROM vote_folds"
            + " WHERE app_id = ?) AND seq <= (SELECT last_vote_seq FROM app_seqs WHERE app_id = ?)";

    /**
     * The CTE {@code unfolded(app_id, kind, item, right_item)}: the app's votes not yet folded,
     * read through the primary key (app_id, seq). Parameters: the app, three times.
     */
    static final String UNFOLDED = "unfolded AS MATERIALIZED (SELECT app_id, kind, item, right_item FROM votes"
            + " WHERE app_id = ? AND " + AFTER_FOLDED_SEQ + ")";

    /** The CTEs {@link #UNFOLDED} and {@code pending(app_id, item, binary_n, pair_n)}, its judgements per item. */
    static final String PENDING = UNFOLDED + ", pending AS (" + JudgedCounts.perItem("unfolded") + ")";

    /**
     * Parameters: the app, three times, then the most votes to fold. One statement, so one snapshot:
     * the chunk is counted and folded_seq moves to its last seq together. Result: the votes folded.
     */
    static final String FOLD = "WITH chunk AS MATERIALIZED (SELECT seq, app_id, kind, item, right_item FROM votes"
            + " WHERE app_id = ? AND " + AFTER_FOLDED_SEQ + " ORDER BY seq LIMIT ?), counted AS ("
            + JudgedCounts.add("chunk") + "), moved AS (INSERT INTO vote_folds (app_id, folded_seq)"
            + " SELECT app_id, max(seq) FROM chunk GROUP BY app_id"
            + " ON CONFLICT (app_id) DO UPDATE SET folded_seq = excluded.folded_seq) SELECT count(*) FROM chunk";

    /**
     * Apps with a vote after their folded_seq: one probe of the primary key per app. Listed from
     * the counters, not from {@code apps}: votes may come for an app never created here.
     */
    static final String APPS_BEHIND = "SELECT app_id FROM app_seqs s WHERE EXISTS (SELECT 1 FROM votes"
            + " WHERE votes.app_id = s.app_id AND votes.seq > coalesce((SELECT folded_seq FROM vote_folds"
            + " WHERE vote_folds.app_id = s.app_id), 0))";

    /** Lock already held by another fold: nothing was folded, and the chunk is not known to be the last. */
    static final int BUSY = -1;

    private final PostgresDatabase database;
    private final AdvisoryLocks locks;

    VoteFolds(PostgresDatabase database, AdvisoryLocks locks) {
        this.database = database;
        this.locks = locks;
    }

    /** Folds up to {@code chunkVotes} of the app's next votes; returns how many, or {@link #BUSY}. */
    int foldNext(String appId, int chunkVotes) {
        return database.write("fold the votes of app " + appId + " into the judged counts", connection -> {
            if (!locks.tryLockFold(connection, appId)) {
                return BUSY;
            }
            try (PreparedStatement fold = connection.prepareStatement(FOLD)) {
                fold.setString(1, appId);
                fold.setString(2, appId);
                fold.setString(3, appId);
                fold.setInt(4, chunkVotes);
                try (ResultSet row = fold.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    List<String> appsBehind() {
        return database.read("find apps with votes to fold", connection -> {
            try (PreparedStatement query = connection.prepareStatement(APPS_BEHIND);
                 ResultSet rows = query.executeQuery()) {
                List<String> apps = new ArrayList<>();
                while (rows.next()) {
                    apps.add(rows.getString(1));
                }
                return apps;
            }
        });
    }
}
