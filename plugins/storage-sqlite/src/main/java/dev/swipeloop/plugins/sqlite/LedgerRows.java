package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.model.LedgerEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Ledger entries to {@code ledger} rows and back, shared by the writes and the reads. */
final class LedgerRows {
    static final String COLUMNS = "seq, app_id, rater, policy, points, reason, vote_id, at, vests_at";
    private static final String INSERT = "INSERT INTO ledger (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private LedgerRows() {
    }

    /**
     * Inserts the entries under fresh seqs inside the caller's write transaction and returns
     * them as stored: with their seqs, and {@code now} for an entry that carries no time.
     */
    static List<LedgerEntry> insert(Connection connection, List<LedgerEntry> entries, Instant now) throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        long first = Sequences.reserve(connection, Sequences.RESERVE_LEDGER_SEQS, entries.size());
        List<LedgerEntry> stored = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (LedgerEntry e : entries) {
                LedgerEntry entry = new LedgerEntry(e.appId(), e.rater(), e.policy(), e.points(), e.reason(),
                        e.voteId(), e.at() != null ? e.at() : now, first + stored.size(), e.vestsAt());
                bind(insert, entry);
                insert.addBatch();
                stored.add(entry);
            }
            insert.executeBatch();
        }
        return List.copyOf(stored);
    }

    /**
     * Inserts the entries under their own seqs inside the caller's write transaction and raises
     * the ledger's seq counter to the highest. A seq already stored throws {@link ConflictException},
     * and the caller's transaction then rolls back whatever was inserted.
     */
    static void restore(Connection connection, List<LedgerEntry> entries) throws SQLException {
        long last = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (LedgerEntry entry : entries) {
                if (entry.seq() <= 0) {
                    throw new IllegalArgumentException("ledger entry of " + entry.rater() + " has seq " + entry.seq()
                            + ": restored entries keep the positive seqs their first store gave them");
                }
                bind(insert, entry);
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (SqliteDatabase.isConstraintViolation(e)) {
                        throw new ConflictException("ledger seq " + entry.seq() + " is already stored: entries"
                                + " are restored into a database that does not have them; nothing of this call was"
                                + " written");
                    }
                    throw e;
                }
                last = Math.max(last, entry.seq());
            }
        }
        Sequences.raise(connection, "ledger", last);
    }

    private static void bind(PreparedStatement insert, LedgerEntry entry) throws SQLException {
        insert.setLong(1, entry.seq());
        insert.setString(2, entry.appId());
        insert.setString(3, entry.rater());
        insert.setString(4, entry.policy());
        insert.setLong(5, entry.points());
        insert.setString(6, entry.reason());
        Columns.setUuid(insert, 7, entry.voteId());
        Columns.setInstant(insert, 8, entry.at());
        Columns.setInstant(insert, 9, entry.vestsAt());
    }

    /** Every row of a query that selects {@link #COLUMNS}, parameters already set. */
    static List<LedgerEntry> readAll(PreparedStatement query) throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                entries.add(new LedgerEntry(row.getString("app_id"), row.getString("rater"), row.getString("policy"),
                        row.getLong("points"), row.getString("reason"), Columns.getUuid(row, "vote_id"),
                        Columns.getInstant(row, "at"), row.getLong("seq"), Columns.getInstant(row, "vests_at")));
            }
        }
        return entries;
    }
}
