package dev.swipeloop.plugins.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Leases, one row per (app, name) in {@code leases}: which host runs a thing until when. Taking
 * or renewing is one statement, atomic however many hosts ask at once: the row is inserted, or
 * updated only when the asker holds it already or the holder's time ran out; otherwise nothing
 * changes and the asker is told no. Times are the callers', never the database clock's.
 *
 * <p>Names made of a kind and an id ({@code host:<id>}, {@code export-job:<id>}) leave a row per
 * id behind when their holder dies without releasing it; the same statement deletes the app's
 * rows of the same kind (the name up to its first {@code :}) that ran out more than
 * {@link #EXPIRED_KEPT} ago, so they do not pile up.
 */
final class LeaseStore {
    /** How long a lease that ran out stays listed in the table (never among {@link #leases}). */
    static final Duration EXPIRED_KEPT = Duration.ofHours(1);

    /**
     * Parameters: app, kind prefix, expiry bound, name; then app, name, holder, until, now. The
     * purge skips rows another transaction has locked: two hosts purging and taking at once
     * would otherwise lock each other's rows in opposite orders and deadlock; a row skipped
     * goes with a later take.
     */
    private static final String TAKE = """
            WITH purged AS (DELETE FROM leases WHERE (app_id, name) IN (SELECT app_id, name FROM leases \
            WHERE app_id = ? AND starts_with(name, ?) AND until < ? AND name <> ? FOR UPDATE SKIP LOCKED)) \
            INSERT INTO leases AS l (app_id, name, holder, until) VALUES (?, ?, ?, ?) \
            ON CONFLICT (app_id, name) DO UPDATE SET holder = excluded.holder, until = excluded.until \
            WHERE l.holder = excluded.holder OR l.until <= ?""";
    private static final String RELEASE = "DELETE FROM leases WHERE app_id = ? AND name = ? AND holder = ?";
    private static final String RUNNING = "SELECT name, holder FROM leases WHERE app_id = ? AND starts_with(name, ?)"
            + " AND until > ? ORDER BY name";

    private final PostgresDatabase database;

    LeaseStore(PostgresDatabase database) {
        this.database = database;
    }

    boolean tryLease(String appId, String name, String holder, Instant now, Instant until) {
        return database.write("take lease " + name, connection -> {
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                take.setString(1, appId);
                take.setString(2, kind(name));
                take.setLong(3, Columns.micros(now.minus(EXPIRED_KEPT)));
                take.setString(4, name);
                take.setString(5, appId);
                take.setString(6, name);
                take.setString(7, holder);
                take.setLong(8, Columns.micros(until));
                take.setLong(9, Columns.micros(now));
                return take.executeUpdate() == 1;
            }
        });
    }

    /** The name up to and with its first {@code :}; the whole name when it has none. */
    private static String kind(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon + 1);
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

    Map<String, String> leases(String appId, String prefix, Instant now) {
        return database.read("list leases of app " + appId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(RUNNING)) {
                query.setString(1, appId);
                query.setString(2, prefix);
                query.setLong(3, Columns.micros(now));
                Map<String, String> leases = new LinkedHashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        leases.put(rows.getString(1), rows.getString(2));
                    }
                }
                return leases;
            }
        });
    }
}
