package dev.swipeloop.plugins.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Leases in {@code leases}, one row per (app, name). Taking one is a single upsert that writes
 * only when the row is free, run out or already the caller's, inside the writer's
 * {@code BEGIN IMMEDIATE}: no other writer, in this process or another, runs between the check
 * and the write.
 */
final class LeaseStore {
    /** ?1 app, ?2 name, ?3 holder, ?4 now, ?5 until. One row changed means taken or renewed. */
    private static final String TAKE = """
            INSERT INTO leases (app_id, name, holder, until) VALUES (?1, ?2, ?3, ?5) \
            ON CONFLICT (app_id, name) DO UPDATE SET holder = excluded.holder, until = excluded.until \
            WHERE leases.holder = excluded.holder OR leases.until <= ?4""";
    private static final String RELEASE = "DELETE FROM leases WHERE app_id = ? AND name = ? AND holder = ?";
    /** ?1 app, ?2 prefix, ?3 now. The prefix is compared as text, so '%' and '_' in it are plain characters. */
    private static final String LIVE = """
            SELECT name, holder FROM leases WHERE app_id = ?1 AND name >= ?2 AND substr(name, 1, length(?2)) = ?2 \
            AND until > ?3 ORDER BY name""";

    private final SqliteDatabase database;

    LeaseStore(SqliteDatabase database) {
        this.database = database;
    }

    boolean tryTake(String appId, String name, String holder, Instant now, Instant until) {
        return database.write("take lease " + name, connection -> {
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                take.setString(1, appId);
                take.setString(2, name);
                take.setString(3, holder);
                Columns.setInstant(take, 4, now);
                Columns.setInstant(take, 5, until);
                return take.executeUpdate() == 1;
            }
        });
    }

    void release(String appId, String name, String holder) {
        database.write("release lease " + name, connection -> {
            try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
                release.setString(1, appId);
                release.setString(2, name);
                release.setString(3, holder);
                return release.executeUpdate();
            }
        });
    }

    Map<String, String> live(String appId, String prefix, Instant now) {
        return database.read("list leases", connection -> {
            try (PreparedStatement query = connection.prepareStatement(LIVE)) {
                query.setString(1, appId);
                query.setString(2, prefix);
                Columns.setInstant(query, 3, now);
                Map<String, String> leases = new LinkedHashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        leases.put(rows.getString("name"), rows.getString("holder"));
                    }
                }
                return leases;
            }
        });
    }
}
