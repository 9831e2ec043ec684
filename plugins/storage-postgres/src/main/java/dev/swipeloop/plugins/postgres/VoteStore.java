package dev.swipeloop.plugins.postgres;

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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** Appends votes and reads them back: the cursor, stats, rater summaries, erasure and restores. */
final class VoteStore {
    /** Rows the driver fetches at a time while a page of votes streams in. */
    static final int FETCH_ROWS = 1_000;

    /** Parameters: app, rater, app. Only the votes folded already are in the counts. */
    private static final String DELETE_RATER = "WITH gone AS (DELETE FROM votes WHERE app_id = ? AND rater = ?"
            + " RETURNING seq, app_id, kind, item, right_item), counted AS (SELECT * FROM gone WHERE seq <= "
            + "(SELECT coalesce(max(folded_seq), 0) FROM vote_folds WHERE app_id = ?)), "
            + JudgedCounts.subtract("counted") + " SELECT count(*) FROM gone";
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
     * Sends the first copy of each (app, id) in the batch, app by app in sorted order (seqs
     * drawn, then the votes copied); later copies are duplicates without asking the database, so the copy stored is
     * always the first. Every vote is expected new; when one was stored before, the transaction
     * is rolled back and sent again skipping known ids (see {@link VoteSql}).
     */
    AppendResult append(List<Vote> votes) {
        long[] seqs = new long[votes.size()];
        Arrays.fill(seqs, AppendResult.DUPLICATE);
        SortedMap<String, List<Integer>> byApp = new TreeMap<>();
        Set<VoteKey> seen = new HashSet<>();
        for (int i = 0; i < votes.size(); i++) {
            Vote vote = votes.get(i);
            if (seen.add(new VoteKey(vote.appId(), vote.id()))) {
                byApp.computeIfAbsent(vote.appId(), app -> new ArrayList<>()).add(i);
            }
        }
        if (byApp.isEmpty()) {
            return new AppendResult(seqs);
        }
        Instant now = Instant.now();
        database.write("append " + votes.size() + " votes", connection -> {
            try {
                for (Map.Entry<String, List<Integer>> app : byApp.entrySet()) {
                    appendApp(connection, app.getKey(), votes, app.getValue(), false, now, seqs);
                }
            } catch (SQLException e) {
                if (!isKnownId(e)) {
                    throw e;
                }
                connection.rollback();
                for (Map.Entry<String, List<Integer>> app : byApp.entrySet()) {
                    appendApp(connection, app.getKey(), votes, app.getValue(), true, now, seqs);
                }
            }
            return null;
        });
        return new AppendResult(seqs);
    }

    /**
     * Appends {@code votes[indexes]}, all of app {@code appId}, and writes each one's seq into
     * {@code seqs} at its index: first by {@link VoteCopy} after drawing the seqs, where a known
     * id fails the copy; with {@code skipKnown} (the retry) by the insert that skips known ids,
     * {@link AppendResult#DUPLICATE} for each of those.
     */
    private static void appendApp(Connection connection, String appId, List<Vote> votes, List<Integer> indexes,
            boolean skipKnown, Instant now, long[] seqs) throws SQLException {
        List<Vote> mine = indexes.stream().map(votes::get).toList();
        OptionalLong drawn = skipKnown ? drawAndInsert(connection, appId, mine, now) : drawSeqs(connection, appId, mine.size());
        if (drawn.isEmpty()) {
            createCounters(connection, List.of(appId));
            drawn = skipKnown ? drawAndInsert(connection, appId, mine, now) : drawSeqs(connection, appId, mine.size());
        }
        long first = drawn.orElseThrow() - mine.size() + 1;
        if (!skipKnown) {
            VoteCopy.copy(connection, appId, mine, first, now);
        }
        Long[] given = new Long[mine.size()];
        for (int i = 0; i < given.length; i++) {
            given[i] = first + i;
        }
        Set<Long> stored = skipKnown ? stored(connection, appId, given) : Set.of(given);
        for (int i = 0; i < given.length; i++) {
            seqs[indexes.get(i)] = stored.contains(given[i]) ? given[i] : AppendResult.DUPLICATE;
        }
    }

    /** Moves the app's counter {@code count} seqs on and locks it to the commit; empty when the app has no counter. */
    private static OptionalLong drawSeqs(Connection connection, String appId, int count) throws SQLException {
        try (PreparedStatement draw = connection.prepareStatement(VoteSql.DRAW_SEQS)) {
            draw.setLong(1, count);
            draw.setString(2, appId);
            try (ResultSet row = draw.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Runs {@link VoteSql#APPEND_SKIPPING_KNOWN}: the last seq drawn, empty when the app has no counter. */
    private static OptionalLong drawAndInsert(Connection connection, String appId, List<Vote> votes, Instant now)
            throws SQLException {
        try (PreparedStatement append = connection.prepareStatement(VoteSql.APPEND_SKIPPING_KNOWN);
             ArrayParameters columns = new ArrayParameters(connection, append, 4)) {
            append.setLong(1, votes.size());
            append.setString(2, appId);
            append.setLong(3, votes.size());
            VoteRows.bindColumns(columns, votes, now);
            try (ResultSet row = append.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * A retried vote: the copy met a unique key. Only (app, id) can be met, since the seqs were
     * drawn under the app's lock; the key's name is not checked, because on a votes table an
     * operator partitioned (docs/scaling.md) it is the partition's own. Were it anything else,
     * the retry that skips known ids would fail on it again and report it.
     */
    private static boolean isKnownId(SQLException e) {
        return PostgresDatabase.UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /** A vote counter at seq 0 for each of the apps that has none, inside the caller's transaction. */
    static void createCounters(Connection connection, Collection<String> appIds) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement(VoteSql.CREATE_COUNTERS);
             ArrayParameters apps = new ArrayParameters(connection, create)) {
            apps.add("text", appIds.toArray(new String[0]));
            create.executeUpdate();
        }
    }

    /**
     * Stores the votes under their own seqs; a seq or (app, id) already stored rolls all of them
     * back. Every app's counter moves up to the highest restored seq first (locking them, so no
     * append draws meanwhile). The folds count the votes, but for those a fold has passed
     * already, counted here under the apps' fold locks.
     */
    void restore(List<Vote> votes) {
        if (votes.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String what = "restore " + votes.size() + " votes";
        database.write(what, connection -> {
            TreeSet<String> apps = appIds(votes);
            createCounters(connection, apps);
            try (PreparedStatement keepAbove = connection.prepareStatement(VoteSql.KEEP_COUNTERS_ABOVE)) {
                keepAbove.setLong(1, votes.stream().mapToLong(Vote::seq).max().orElseThrow());
                keepAbove.executeUpdate();
            }
            try (PreparedStatement restore = connection.prepareStatement(VoteSql.RESTORE);
                 ArrayParameters columns = new ArrayParameters(connection, restore)) {
                VoteRows.bindRestored(columns, votes, now);
                restore.executeUpdate();
            } catch (SQLException e) {
                throw PostgresDatabase.conflictOrFailure(what, e);
            }
            locks.lockFolds(connection, apps);
            try (PreparedStatement count = connection.prepareStatement(COUNT_RESTORED_BEHIND_FOLDS);
                 ArrayParameters restored = new ArrayParameters(connection, count)) {
                restored.add("text", apps.toArray(new String[0]))
                        .add("int8", votes.stream().map(Vote::seq).toArray(Long[]::new));
                count.executeUpdate();
            }
            return null;
        });
    }

    /** Which of the seqs an insert of the app's votes was given it stored: the others went to duplicates. */
    private static Set<Long> stored(Connection connection, String appId, Long[] seqs) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(VoteSql.STORED);
             ArrayParameters given = new ArrayParameters(connection, query, 2)) {
            query.setString(1, appId);
            given.add("int8", seqs);
            Set<Long> stored = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getLong(1));
                }
            }
            return stored;
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
     * caller's transaction. It first locks the app's counter, so it also deletes the votes of
     * appends in flight (it waits for them) and none can commit behind it, then the app's fold
     * lock, so no fold moves meanwhile.
     */
    long deleteRater(Connection connection, String appId, String raterId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(VoteSql.LOCK_COUNTER)) {
            lock.setString(1, appId);
            lock.executeQuery().close();
        }
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
