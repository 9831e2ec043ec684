package dev.swipeloop.plugins.postgres;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Named export cursors, one row per (app, name) in {@code export_cursors}. A save is its own
 * durable transaction, so a cursor never points past what an export delivered before a crash.
 */
final class ExportCursorStore {
    /** Saves are unconditional: an operator may point a cursor back to export again from there. */
    private static final NamedCursors CURSORS = new NamedCursors("export_cursors");

    private final PostgresDatabase database;

    ExportCursorStore(PostgresDatabase database) {
        this.database = database;
    }

    OptionalLong cursor(String appId, String name) {
        return database.read("read export cursor " + name, connection -> CURSORS.read(connection, appId, name));
    }

    Map<String, Long> cursors(String appId) {
        return database.read("list the export cursors of app " + appId, connection -> CURSORS.all(connection, appId));
    }

    void save(String appId, String name, long seq) {
        Instant now = Instant.now();
        database.write("save export cursor " + name, connection -> CURSORS.save(connection, appId, name, seq, now));
    }
}
