package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Named ledger cursors, one row per (app, name) in {@code ledger_cursors}; a missing row reads
 * as seq 0. {@link #move} is the compare-and-set that keeps two hosts from paying for the same
 * votes: it runs in the writer's transaction ({@code BEGIN IMMEDIATE}), so no other writer,
 * in this process or another, can move the cursor between its check and its update.
 */
final class LedgerCursorStore {
    private static final String READ = "SELECT seq FROM ledger_cursors WHERE app_id = ? AND name = ?";
    private static final String SAVE = """
            INSERT INTO ledger_cursors (app_id, name, seq, updated_at) VALUES (?, ?, ?, ?) \
            ON CONFLICT (app_id, name) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at""";

    private final SqliteDatabase database;

    LedgerCursorStore(SqliteDatabase database) {
        this.database = database;
    }

    long cursor(String appId, String name) {
        return database.read("read ledger cursor " + name, connection -> read(connection, appId, name));
    }

    /** Unconditional: the webhook cursor has one writer per app and writes no entries. */
    void save(String appId, String name, long seq) {
        Instant now = Instant.now();
        database.write("save ledger cursor " + name, connection -> save(connection, appId, name, seq, now));
    }

    /** Moves the cursor from {@code from} to {@code to}, or throws {@link ConflictException} when it is elsewhere. */
    static void move(Connection connection, String appId, String name, long from, long to, Instant now)
            throws SQLException {
        long current = read(connection, appId, name);
        if (current != from) {
            throw new ConflictException("ledger cursor '" + name + "' of app '" + appId + "' is at " + current
                    + ", not at " + from + ": another host moved it first; read the cursor again and resume from there");
        }
        save(connection, appId, name, to, now);
    }

    private static long read(Connection connection, String appId, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(READ)) {
            query.setString(1, appId);
            query.setString(2, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static int save(Connection connection, String appId, String name, long seq, Instant now)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(SAVE)) {
            upsert.setString(1, appId);
            upsert.setString(2, name);
            upsert.setLong(3, seq);
            Columns.setInstant(upsert, 4, now);
            return upsert.executeUpdate();
        }
    }
}
