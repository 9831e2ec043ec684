package dev.swipeloop.plugins.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each app's own settings, one row per (app, key) in {@code app_settings}. An update is one
 * transaction that touches only the keys it names, so two owners changing different settings
 * at once keep both changes.
 */
final class AppSettingsStore {
    private static final String READ = "SELECT key, value FROM app_settings WHERE app_id = ?";
    private static final String PUT = """
            INSERT INTO app_settings (app_id, key, value, updated_at) VALUES (?, ?, ?, ?) \
            ON CONFLICT (app_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""";
    private static final String REMOVE = "DELETE FROM app_settings WHERE app_id = ? AND key = ?";

    private final PostgresDatabase database;

    AppSettingsStore(PostgresDatabase database) {
        this.database = database;
    }

    Map<String, String> settings(String appId) {
        return database.read("read settings of app " + appId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(READ)) {
                query.setString(1, appId);
                Map<String, String> settings = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        settings.put(rows.getString(1), rows.getString(2));
                    }
                }
                return settings;
            }
        });
    }

    /**
     * A handful of keys at most, so a JDBC batch per kind of change is enough. Keys are written
     * in order, so two hosts' updates lock rows in one order and cannot deadlock.
     */
    void update(String appId, Map<String, String> put, Collection<String> remove) {
        Instant now = Instant.now();
        database.write("change settings of app " + appId, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(PUT);
                 PreparedStatement delete = connection.prepareStatement(REMOVE)) {
                for (Map.Entry<String, String> setting : new TreeMap<>(put).entrySet()) {
                    upsert.setString(1, appId);
                    upsert.setString(2, setting.getKey());
                    upsert.setString(3, setting.getValue());
                    Columns.setInstant(upsert, 4, now);
                    upsert.addBatch();
                }
                for (String key : remove) {
                    delete.setString(1, appId);
                    delete.setString(2, key);
                    delete.addBatch();
                }
                upsert.executeBatch();
                return delete.executeBatch().length;
            }
        });
    }
}
