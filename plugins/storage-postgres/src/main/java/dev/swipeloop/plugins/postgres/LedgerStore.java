package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * The append-only reward ledger: appends (alone, or together with a move of a ledger cursor),
 * restores, a rater's entries, and an app's entries page by page. Every write takes its apps'
 * ledger locks first, so ledger seqs follow commit order per app, as vote seqs do.
 */
final class LedgerStore {
    private static final String BY_RATER = "SELECT " + LedgerRows.COLUMNS + " FROM ledger WHERE app_id = ? AND rater = ?"
            + " ORDER BY seq";
    private static final String AFTER = "SELECT " + LedgerRows.COLUMNS + " FROM ledger WHERE app_id = ? AND seq > ?"
            + " ORDER BY seq LIMIT ?";
    private static final String DELETE_RATER = "DELETE FROM ledger WHERE app_id = ? AND rater = ?";
    private static final String SEQS_ABOVE = "SELECT setval('ledger_seqs', greatest(?, last_value)) FROM ledger_seqs";

    private final PostgresDatabase database;
    private final AdvisoryLocks locks;

    LedgerStore(PostgresDatabase database, AdvisoryLocks locks) {
        this.database = database;
        this.locks = locks;
    }

    List<LedgerEntry> append(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        return database.write("append " + entries.size() + " ledger entries", connection -> {
            locks.lockLedger(connection, appIds(entries, null));
            return LedgerRows.insert(connection, entries, now);
        });
    }

    /**
     * Appends the entries and moves the app's cursor from {@code from} to {@code to} in one
     * transaction. The app's ledger lock, taken first, keeps another host from moving the
     * cursor between the check and the move; when the cursor is elsewhere the transaction rolls
     * back having written nothing, and {@link dev.swipeloop.sdk.ConflictException} comes out.
     */
    List<LedgerEntry> append(List<LedgerEntry> entries, String appId, String cursor, long from, long to) {
        Instant now = Instant.now();
        return database.write("append " + entries.size() + " ledger entries and move ledger cursor " + cursor,
                connection -> {
                    locks.lockLedger(connection, appIds(entries, appId));
                    LedgerCursorStore.move(connection, appId, cursor, from, to, now);
                    return LedgerRows.insert(connection, entries, now);
                });
    }

    /** Stores the entries under their own seqs; a seq already stored rolls all of them back. */
    void restore(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String what = "restore " + entries.size() + " ledger entries";
        database.write(what, connection -> {
            locks.lockLedger(connection, appIds(entries, null));
            Long[] seqs = entries.stream().map(LedgerEntry::seq).toArray(Long[]::new);
            try (PreparedStatement restore = connection.prepareStatement(LedgerRows.RESTORE);
                 ArrayParameters columns = new ArrayParameters(connection, restore)) {
                columns.add("int8", seqs);
                LedgerRows.bindColumns(columns, entries);
                restore.executeUpdate();
            } catch (SQLException e) {
                throw PostgresDatabase.conflictOrFailure(what, e);
            }
            long highest = entries.stream().mapToLong(LedgerEntry::seq).max().orElseThrow();
            Sequences.keepAbove(connection, SEQS_ABOVE, highest);
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

    /** Deletes the rater's entries; runs inside the caller's transaction. */
    static void deleteRater(Connection connection, String appId, String rater) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_RATER)) {
            delete.setString(1, appId);
            delete.setString(2, rater);
            delete.executeUpdate();
        }
    }

    private static TreeSet<String> appIds(List<LedgerEntry> entries, String alsoApp) {
        TreeSet<String> apps = new TreeSet<>();
        for (LedgerEntry entry : entries) {
            apps.add(entry.appId());
        }
        if (alsoApp != null) {
            apps.add(alsoApp);
        }
        return apps;
    }
}
