package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.ConflictException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Named ledger cursors, one row per (app, name) in {@code ledger_cursors}; a missing row reads
 * as seq 0. {@link #move} is the compare-and-set that keeps two hosts from paying for the same
 * votes: it runs in the writer's transaction ({@code BEGIN IMMEDIATE}), so no other writer,
 * in this process or another, can move the cursor between its check and its update.
 */
final class LedgerCursorStore {
    private static final NamedCursors CURSORS = new NamedCursors("ledger_cursors");

    private final SqliteDatabase database;

    LedgerCursorStore(SqliteDatabase database) {
        this.database = database;
    }

    long cursor(String appId, String name) {
        return database.read("read ledger cursor " + name, connection -> read(connection, appId, name));
    }

    Map<String, Long> all(String appId) {
        return database.read("list ledger cursors", connection -> CURSORS.all(connection, appId));
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
        return CURSORS.read(connection, appId, name).orElse(0);
    }

    private static int save(Connection connection, String appId, String name, long seq, Instant now)
            throws SQLException {
        return CURSORS.save(connection, appId, name, seq, now);
    }
}
