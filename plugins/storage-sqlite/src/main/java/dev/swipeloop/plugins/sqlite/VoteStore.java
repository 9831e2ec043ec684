package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.model.Rater;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.AppendResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Appends votes and reads them back: the cursor, rater summaries, deletion and counts. */
final class VoteStore {
    private final SqliteDatabase database;

    VoteStore(SqliteDatabase database) {
        this.database = database;
    }

    AppendResult append(List<Vote> votes) {
        if (votes.isEmpty()) {
            return new AppendResult(new long[0]);
        }
        Instant now = Instant.now();
        return database.write("append " + votes.size() + " votes", connection -> {
            long first = Sequences.reserve(connection, VoteSql.RESERVE_SEQS, votes.size());
            int[] counts;
            try (PreparedStatement insert = connection.prepareStatement(VoteSql.INSERT)) {
                for (int i = 0; i < votes.size(); i++) {
                    VoteRows.bind(insert, votes.get(i), first + i, now);
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }
            long[] seqs = new long[votes.size()];
            for (int i = 0; i < seqs.length; i++) {
                seqs[i] = counts[i] == 1 ? first + i : AppendResult.DUPLICATE;
            }
            return new AppendResult(seqs);
        });
    }

    /**
     * Inserts the votes under their own seqs in one write transaction and raises the seq counter
     * to the highest of them, so later appends go above. Returns that highest seq. A seq or
     * (app, id) already stored rolls it all back with a {@link ConflictException}.
     */
    long restore(List<Vote> votes) {
        if (votes.isEmpty()) {
            return 0;
        }
        for (Vote vote : votes) {
            if (vote.seq() <= 0) {
                throw new IllegalArgumentException("vote " + vote.id() + " has seq " + vote.seq()
                        + ": restored votes keep the positive seqs their first store gave them");
            }
        }
        Instant now = Instant.now();
        return database.write("restore " + votes.size() + " votes", connection -> {
            long mark = VoteIndexer.indexedSeq(connection);
            long last = 0;
            try (PreparedStatement insert = connection.prepareStatement(VoteSql.RESTORE)) {
                for (Vote vote : votes) {
                    VoteRows.bind(insert, vote, vote.seq(), now);
                    insertRestored(insert, vote);
                    if (vote.seq() <= mark) {
                        VoteIndexer.foldBehindMark(connection, vote.seq());
                    }
                    last = Math.max(last, vote.seq());
                }
            }
            Sequences.raise(connection, "votes", last);
            return last;
        });
    }

    private static void insertRestored(PreparedStatement insert, Vote vote) throws SQLException {
        try {
            insert.executeUpdate();
        } catch (SQLException e) {
            if (SqliteDatabase.isConstraintViolation(e)) {
                throw new ConflictException("vote " + vote.id() + " of app '" + vote.appId() + "' or seq " + vote.seq()
                        + " is already stored: votes are restored into a database that does not have them; nothing"
                        + " of this call was written");
            }
            throw e;
        }
    }

    long lastSeq(String appId) {
        return database.read("read last seq of app " + appId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(VoteSql.LAST_SEQ)) {
                query.setString(1, appId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    List<Vote> after(String appId, long afterSeq, int limit) {
        return database.read("read votes after seq " + afterSeq, connection -> {
            try (PreparedStatement query = connection.prepareStatement(VoteSql.AFTER)) {
                query.setLong(1, afterSeq);
                query.setString(2, appId);
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

    Optional<Rater> rater(String appId, String raterId) {
        return database.read("summarise rater " + raterId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(RaterIndexSql.RATER_SUMMARY)) {
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
     * Deletes the rater's votes, folded and tail, with their rater_votes rows, and takes the
     * folded ones out of the judged counts (the tail was never counted). Runs inside the
     * caller's write transaction, so the indexer cannot fold any of them meanwhile.
     */
    static long deleteRater(Connection connection, String appId, String raterId) throws SQLException {
        run(connection, RaterIndexSql.UNCOUNT_RATER, appId, raterId);
        long removed = run(connection, RaterIndexSql.DELETE_FOLDED_VOTES, appId, raterId);
        removed += run(connection, RaterIndexSql.DELETE_TAIL_VOTES, appId, raterId);
        run(connection, RaterIndexSql.DELETE_RATER_VOTES, appId, raterId);
        return removed;
    }

    private static int run(Connection connection, String sql, String appId, String raterId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, appId);
            statement.setString(2, raterId);
            return statement.executeUpdate();
        }
    }

    /** Vote counts of the app, with {@code items} filled in from the given count. */
    static AppStats stats(Connection connection, String appId, long items) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(VoteSql.STATS)) {
            query.setString(1, appId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new AppStats(items, row.getLong("votes"), row.getLong("binary_votes"),
                        row.getLong("pair_votes"), row.getLong("raters"), row.getLong("last_seq"));
            }
        }
    }
}
