package dev.swipeloop.plugins.sqlite;

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
                insert.setLong(1, entry.seq());
                insert.setString(2, entry.appId());
                insert.setString(3, entry.rater());
                insert.setString(4, entry.policy());
                insert.setLong(5, entry.points());
                insert.setString(6, entry.reason());
                Columns.setUuid(insert, 7, entry.voteId());
                Columns.setInstant(insert, 8, entry.at());
                Columns.setInstant(insert, 9, entry.vestsAt());
                insert.addBatch();
                stored.add(entry);
            }
            insert.executeBatch();
        }
        return List.copyOf(stored);
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
