package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.ConflictException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Named ledger cursors, one row per (app, name) in {@code ledger_cursors}; a missing row reads
 * as seq 0. {@link #move} is the compare-and-set that keeps two hosts from paying for the same
 * votes; its caller holds the app's ledger lock, so no other host moves the cursor between the
 * check and the update (a row lock could not cover a cursor whose row does not exist yet).
 */
final class LedgerCursorStore {
    private static final NamedCursors CURSORS = new NamedCursors("ledger_cursors");

    private final PostgresDatabase database;

    LedgerCursorStore(PostgresDatabase database) {
        this.database = database;
    }

    long cursor(String appId, String name) {
        return database.read("read ledger cursor " + name, connection -> read(connection, appId, name));
    }

    Map<String, Long> cursors(String appId) {
        return database.read("list the ledger cursors of app " + appId, connection -> CURSORS.all(connection, appId));
    }

    /**
     * Unconditional, for copying a database (the migrate command); hosts move their cursors only
     * through {@link #move}, webhooks with an append of no entries.
     */
    void save(String appId, String name, long seq) {
        Instant now = Instant.now();
        database.write("save ledger cursor " + name, connection -> CURSORS.save(connection, appId, name, seq, now));
    }

    /** Moves the cursor from {@code from} to {@code to}, or throws {@link ConflictException} when it is elsewhere. */
    static void move(Connection connection, String appId, String name, long from, long to, Instant now)
            throws SQLException {
        long current = read(connection, appId, name);
        if (current != from) {
            throw new ConflictException("ledger cursor '" + name + "' of app '" + appId + "' is at " + current
                    + ", not at " + from + ": another host moved it first; read the cursor again and resume from there");
        }
        CURSORS.save(connection, appId, name, to, now);
    }

    private static long read(Connection connection, String appId, String name) throws SQLException {
        return CURSORS.read(connection, appId, name).orElse(0);
    }
}
