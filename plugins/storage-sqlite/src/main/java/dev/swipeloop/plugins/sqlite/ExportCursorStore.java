package dev.swipeloop.plugins.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Named export cursors, one row per (app, name) in {@code export_cursors}. A save is its own
 * durable write transaction on the writer, so a cursor never points past what an export
 * delivered before a crash; reads take a reader and see the latest save.
 */
final class ExportCursorStore {
    private static final String READ = "SELECT seq FROM export_cursors WHERE app_id = ? AND name = ?";

    /** Unconditional: an operator may point a cursor back to export again from there. */
    private static final String SAVE = """
            INSERT INTO export_cursors (app_id, name, seq, updated_at) VALUES (?, ?, ?, ?) \
            ON CONFLICT (app_id, name) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at""";

    private final SqliteDatabase database;

    ExportCursorStore(SqliteDatabase database) {
        this.database = database;
    }

    OptionalLong cursor(String appId, String name) {
        return database.read("read export cursor " + name, connection -> {
            try (PreparedStatement query = connection.prepareStatement(READ)) {
                query.setString(1, appId);
                query.setString(2, name);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    void save(String appId, String name, long seq) {
        Instant now = Instant.now();
        database.write("save export cursor " + name, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(SAVE)) {
                upsert.setString(1, appId);
                upsert.setString(2, name);
                upsert.setLong(3, seq);
                Columns.setInstant(upsert, 4, now);
                return upsert.executeUpdate();
            }
        });
    }
}
