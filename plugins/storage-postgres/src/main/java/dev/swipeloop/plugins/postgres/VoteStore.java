package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.model.Rater;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.AppendResult;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Appends votes and reads them back: the cursor, stats, rater summaries, erasure and restores. */
final class VoteStore {
    /** Rows the driver fetches at a time while a page of votes streams in. */
    static final int FETCH_ROWS = 1_000;

    /** Later appends draw above every restored seq; a sequence never moves back. */
    private static final String SEQS_ABOVE = "SELECT setval('vote_seqs', greatest(?, last_value)) FROM vote_seqs";
    /** Parameters: app, rater, app. Only the votes folded already are in the counts. */
    private static final String DELETE_RATER = "WITH gone AS (DELETE FROM votes WHERE app_id = ? AND rater = ?"
            + " RETURNING seq, app_id, kind, item, right_item), counted AS (SELECT * FROM gone WHERE seq <= "
            + "(SELECT coalesce(max(folded_seq), 0) FROM vote_folds WHERE app_id = ?)), uncounted AS ("
            + JudgedCounts.subtract("counted") + ") SELECT count(*) FROM gone";
    /**
     * Parameters: the apps and seqs just restored. Restored votes at or below their app's
     * folded_seq would never be folded: they are counted here.
     */
    private static final String COUNT_RESTORED_BEHIND_FOLDS = "WITH behind AS (SELECT v.app_id, v.kind, v.item,"
            + " v.right_item FROM votes v JOIN vote_folds f ON f.app_id = v.app_id WHERE v.app_id = ANY (?::text[])"
            + " AND v.seq = ANY (?::int8[]) AND v.seq <= f.folded_seq) " + JudgedCounts.add("behind");

    private final PostgresDatabase database;
    private final AdvisoryLocks locks;

    VoteStore(PostgresDatabase database, AdvisoryLocks locks) {
        this.database = database;
        this.locks = locks;
    }

    /**
     * Sends the first copy of each (app, id) in the batch; later copies are duplicates without
     * asking the database, so the copy stored is always the first.
     */
    AppendResult append(List<Vote> votes) {
        long[] seqs = new long[votes.size()];
        Arrays.fill(seqs, AppendResult.DUPLICATE);
        if (votes.isEmpty()) {
            return new AppendResult(seqs);
        }
        Set<VoteKey> seen = new HashSet<>();
        List<Vote> sent = new ArrayList<>(votes.size());
        List<Integer> sentFrom = new ArrayList<>(votes.size());
        for (int i = 0; i < votes.size(); i++) {
            Vote vote = votes.get(i);
            if (seen.add(new VoteKey(vote.appId(), vote.id()))) {
                sent.add(vote);
                sentFrom.add(i);
            }
        }
        Instant now = Instant.now();
        database.write("append " + votes.size() + " votes", connection -> {
            locks.lockVotes(connection, appIds(sent));
            Long[] drawn = drawSeqs(connection, sent.size());
            int inserted;
            try (PreparedStatement append = connection.prepareStatement(VoteSql.INSERT);
                 ArrayParameters columns = new ArrayParameters(connection, append)) {
                VoteRows.bindColumns(columns, sent, drawn, now);
                inserted = append.executeUpdate();
            }
            Set<Long> stored = inserted == sent.size() ? Set.of(drawn) : stored(connection, appIds(sent), drawn);
            for (int i = 0; i < sent.size(); i++) {
                if (stored.contains(drawn[i])) {
                    seqs[sentFrom.get(i)] = drawn[i];
                }
            }
            return null;
        });
        return new AppendResult(seqs);
    }

    /**
     * Stores the votes under their own seqs; a seq or (app, id) already stored rolls all of them
     * back. The folds count them, but for those a fold has passed already, counted here under
     * the apps' fold locks.
     */
    void restore(List<Vote> votes) {
        if (votes.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String what = "restore " + votes.size() + " votes";
        database.write(what, connection -> {
            locks.lockVotes(connection, appIds(votes));
            Long[] seqs = votes.stream().map(Vote::seq).toArray(Long[]::new);
            try (PreparedStatement restore = connection.prepareStatement(VoteSql.RESTORE);
                 ArrayParameters columns = new ArrayParameters(connection, restore)) {
                VoteRows.bindColumns(columns, votes, seqs, now);
                restore.executeUpdate();
            } catch (SQLException e) {
                throw PostgresDatabase.conflictOrFailure(what, e);
            }
            locks.lockFolds(connection, appIds(votes));
            try (PreparedStatement count = connection.prepareStatement(COUNT_RESTORED_BEHIND_FOLDS);
                 ArrayParameters restored = new ArrayParameters(connection, count)) {
                restored.add("text", appIds(votes).toArray(new String[0])).add("int8", seqs);
                count.executeUpdate();
            }
            long highest = Arrays.stream(seqs).mapToLong(Long::longValue).max().orElseThrow();
            Sequences.keepAbove(connection, SEQS_ABOVE, highest);
            return null;
        });
    }

    /** {@code count} fresh seqs, in increasing order. */
    private static Long[] drawSeqs(Connection connection, int count) throws SQLException {
        Long[] seqs = new Long[count];
        try (PreparedStatement draw = connection.prepareStatement(VoteSql.DRAW_SEQS)) {
            draw.setInt(1, count);
            try (ResultSet rows = draw.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    seqs[i] = rows.getLong(1);
                }
            }
        }
        Arrays.sort(seqs);
        return seqs;
    }

    /** Which of the seqs an insert was given it stored: the others went to duplicates. */
    private static Set<Long> stored(Connection connection, Set<String> appIds, Long[] seqs) throws SQLException {
        Array apps = connection.createArrayOf("text", appIds.toArray(new String[0]));
        Array array = connection.createArrayOf("int8", seqs);
        try (PreparedStatement query = connection.prepareStatement(VoteSql.STORED)) {
            query.setArray(1, apps);
            query.setArray(2, array);
            Set<Long> stored = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getLong(1));
                }
            }
            return stored;
        } finally {
            apps.free();
            array.free();
        }
    }

    long lastSeq(String appId) {
        return database.read("read the last seq of app " + appId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(VoteSql.LAST_SEQ)) {
                query.setString(1, appId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** A page of the app's votes, fetched from a server-side cursor {@link #FETCH_ROWS} at a time. */
    List<Vote> after(String appId, long afterSeq, int limit) {
        return database.readOnly("read votes after seq " + afterSeq, connection -> {
            try (PreparedStatement query = connection.prepareStatement(VoteSql.AFTER)) {
                query.setFetchSize(FETCH_ROWS);
                query.setString(1, appId);
                query.setLong(2, afterSeq);
                query.setInt(3, limit);
                List<Vote> votes = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        votes.add(VoteRows.read(rows));
                    }
                }
                return votes;
            }
        });
    }

    AppStats stats(String appId) {
        return database.read("count app " + appId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(VoteSql.STATS)) {
                query.setString(1, appId);
                query.setString(2, appId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return new AppStats(row.getLong("items"), row.getLong("votes"), row.getLong("binary_votes"),
                            row.getLong("pair_votes"), row.getLong("raters"), row.getLong("last_seq"));
                }
            }
        });
    }

    Optional<Rater> rater(String appId, String raterId) {
        return database.read("summarise rater " + raterId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(VoteSql.RATER_SUMMARY)) {
                query.setString(1, appId);
                query.setString(2, raterId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    long votes = row.getLong("votes");
                    return votes == 0 ? Optional.<Rater>empty()
                            : Optional.of(new Rater(appId, raterId, votes, Columns.getInstant(row, "first"),
                                    Columns.getInstant(row, "last")));
                }
            }
        });
    }

    /**
     * Deletes the rater's votes and takes the folded ones out of the judged counts, inside the
     * caller's transaction and under the app's vote and fold locks, so no fold moves meanwhile.
     */
    long deleteRater(Connection connection, String appId, String raterId) throws SQLException {
        locks.lockVotes(connection, List.of(appId));
        locks.lockFolds(connection, List.of(appId));
        try (PreparedStatement delete = connection.prepareStatement(DELETE_RATER)) {
            delete.setString(1, appId);
            delete.setString(2, raterId);
            delete.setString(3, appId);
            try (ResultSet row = delete.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static TreeSet<String> appIds(List<Vote> votes) {
        TreeSet<String> apps = new TreeSet<>();
        for (Vote vote : votes) {
            apps.add(vote.appId());
        }
        return apps;
    }

    private record VoteKey(String appId, UUID id) {
    }
}
