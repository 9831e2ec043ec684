package dev.swipeloop.plugins.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A table of named cursors, one row per (app, name) holding a seq: {@code export_cursors} and
 * {@code ledger_cursors} have this shape. Reads and upserts run on the connection given, so a
 * caller decides the transaction (a reader, the writer, or a write that moves the cursor with
 * the entries it covers).
 */
final class NamedCursors {
    private final String read;
    private final String all;
    private final String save;

    NamedCursors(String table) {
        this.read = "SELECT seq FROM " + table + " WHERE app_id = ? AND name = ?";
        this.all = "SELECT name, seq FROM " + table + " WHERE app_id = ? ORDER BY name";
        this.save = "INSERT INTO " + table + " (app_id, name, seq, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (app_id, name) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at";
    }

    /** Where the cursor points, or empty when it was never saved. */
    OptionalLong read(Connection connection, String appId, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(read)) {
            query.setString(1, appId);
            query.setString(2, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Every cursor of the app that was saved, by name. */
    Map<String, Long> all(Connection connection, String appId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(all)) {
            query.setString(1, appId);
            Map<String, Long> cursors = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cursors.put(rows.getString(1), rows.getLong(2));
                }
            }
            return cursors;
        }
    }

    /** Points the cursor at {@code seq}, creating it if needed; forwards or back. */
    int save(Connection connection, String appId, String name, long seq, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(save)) {
            upsert.setString(1, appId);
            upsert.setString(2, name);
            upsert.setLong(3, seq);
            Columns.setInstant(upsert, 4, now);
            return upsert.executeUpdate();
        }
    }
}
