package dev.swipeloop.plugins.sqlite;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Named export cursors, one row per (app, name) in {@code export_cursors}. A save is its own
 * durable write transaction on the writer, so a cursor never points past what an export
 * delivered before a crash; reads take a reader and see the latest save.
 */
final class ExportCursorStore {
    /** Saves are unconditional: an operator may point a cursor back to export again from there. */
    private static final NamedCursors CURSORS = new NamedCursors("export_cursors");

    private final SqliteDatabase database;

    ExportCursorStore(SqliteDatabase database) {
        this.database = database;
    }

    OptionalLong cursor(String appId, String name) {
        return database.read("read export cursor " + name, connection -> CURSORS.read(connection, appId, name));
    }

    Map<String, Long> all(String appId) {
        return database.read("list export cursors", connection -> CURSORS.all(connection, appId));
    }

    void save(String appId, String name, long seq) {
        Instant now = Instant.now();
        database.write("save export cursor " + name, connection -> CURSORS.save(connection, appId, name, seq, now));
    }
}
