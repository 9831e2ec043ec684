package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only reward ledger. */
final class LedgerStore {
    private static final String COLUMNS = "seq, app_id, rater, policy, points, reason, vote_id, at";
    private static final String INSERT = "INSERT INTO ledger (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_RATER = "SELECT " + COLUMNS + " FROM ledger WHERE app_id = ? AND rater = ? "
            + "ORDER BY seq";
    private static final String DELETE_RATER = "DELETE FROM ledger WHERE app_id = ? AND rater = ?";

    private final SqliteDatabase database;

    LedgerStore(SqliteDatabase database) {
        this.database = database;
    }

    List<LedgerEntry> append(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        return database.write("append " + entries.size() + " ledger entries", connection -> {
            long first = Sequences.reserve(connection, Sequences.RESERVE_LEDGER_SEQS, entries.size());
            List<LedgerEntry> stored = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (LedgerEntry e : entries) {
                    LedgerEntry entry = new LedgerEntry(e.appId(), e.rater(), e.policy(), e.points(), e.reason(),
                            e.voteId(), e.at() != null ? e.at() : now, first + stored.size());
                    insert.setLong(1, entry.seq());
                    insert.setString(2, entry.appId());
                    insert.setString(3, entry.rater());
                    insert.setString(4, entry.policy());
                    insert.setLong(5, entry.points());
                    insert.setString(6, entry.reason());
                    Columns.setUuid(insert, 7, entry.voteId());
                    Columns.setInstant(insert, 8, entry.at());
                    insert.addBatch();
                    stored.add(entry);
                }
                insert.executeBatch();
            }
            return List.copyOf(stored);
        });
    }

    List<LedgerEntry> ledger(String appId, String rater) {
        return database.read("read the ledger of " + rater, connection -> {
            try (PreparedStatement query = connection.prepareStatement(BY_RATER)) {
                query.setString(1, appId);
                query.setString(2, rater);
                List<LedgerEntry> entries = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        entries.add(new LedgerEntry(row.getString("app_id"), row.getString("rater"),
                                row.getString("policy"), row.getLong("points"), row.getString("reason"),
                                Columns.getUuid(row, "vote_id"), Columns.getInstant(row, "at"), row.getLong("seq")));
                    }
                }
                return entries;
            }
        });
    }

    /** Deletes the rater's entries; runs inside the caller's write transaction. */
    static void deleteRater(Connection connection, String appId, String rater) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_RATER)) {
            delete.setString(1, appId);
            delete.setString(2, rater);
            delete.executeUpdate();
        }
    }
}
