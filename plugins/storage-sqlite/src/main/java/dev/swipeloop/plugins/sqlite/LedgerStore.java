package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The append-only reward ledger: appends (alone, or together with a move of a ledger
 * cursor), restores under given seqs, a rater's entries, and an app's entries page by page.
 */
final class LedgerStore {
    private static final String BY_RATER = "SELECT " + LedgerRows.COLUMNS + " FROM ledger WHERE app_id = ? AND rater = ? "
            + "ORDER BY seq";
    // Walks ledger_by_app (app_id = ? AND rowid > ?): only this app's entries, already in seq order.
    static final String AFTER = "SELECT " + LedgerRows.COLUMNS + " FROM ledger WHERE app_id = ? AND seq > ? "
            + "ORDER BY seq LIMIT ?";
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
        return database.write("append " + entries.size() + " ledger entries",
                connection -> LedgerRows.insert(connection, entries, now));
    }

    /**
     * Appends the entries and moves the app's cursor from {@code from} to {@code to} in one
     * write transaction; when the cursor is elsewhere the transaction rolls back having
     * written nothing, and {@link dev.swipeloop.sdk.ConflictException} comes out.
     */
    List<LedgerEntry> append(List<LedgerEntry> entries, String appId, String cursor, long from, long to) {
        Instant now = Instant.now();
        return database.write("append " + entries.size() + " ledger entries and move ledger cursor " + cursor,
                connection -> {
                    LedgerCursorStore.move(connection, appId, cursor, from, to, now);
                    return LedgerRows.insert(connection, entries, now);
                });
    }

    /** Stores the entries under their own seqs, all or none; see {@link LedgerRows#restore}. */
    void restore(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        database.write("restore " + entries.size() + " ledger entries", connection -> {
            LedgerRows.restore(connection, entries);
            return null;
        });
    }

    List<LedgerEntry> ledger(String appId, String rater) {
        return database.read("read the ledger of " + rater, connection -> {
            try (PreparedStatement query = connection.prepareStatement(BY_RATER)) {
                query.setString(1, appId);
                query.setString(2, rater);
                return LedgerRows.readAll(query);
            }
        });
    }

    List<LedgerEntry> after(String appId, long afterSeq, int limit) {
        return database.read("read ledger entries after seq " + afterSeq, connection -> {
            try (PreparedStatement query = connection.prepareStatement(AFTER)) {
                query.setString(1, appId);
                query.setLong(2, afterSeq);
                query.setInt(3, limit);
                return LedgerRows.readAll(query);
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
