package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.model.App;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Apps (tenants): create once (with the app's vote counter), read back, replace name, origins
 * and keys, rotate the signing secret, and the count of rater erasures. Allowed origins are
 * kept one per line.
 */
final class AppStore {
    private static final String COLUMNS =
            "id, name, allowed_origins, publishable_key, secret_key_hash, signing_secret, created_at";
    private static final String INSERT = "INSERT INTO apps (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO NOTHING";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM apps WHERE id = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM apps ORDER BY id";
    private static final String UPDATE = "UPDATE apps SET name = ?, allowed_origins = ?, publishable_key = ?, "
            + "secret_key_hash = ?, signing_secret = ? WHERE id = ?";
    private static final String REPLACE_SIGNING_SECRET = "UPDATE apps SET signing_secret = ? WHERE id = ?";
    private static final String ERASURES = "SELECT erasures FROM apps WHERE id = ?";
    private static final String COUNT_ERASURE = "UPDATE apps SET erasures = erasures + 1 WHERE id = ?";

    private final PostgresDatabase database;

    AppStore(PostgresDatabase database) {
        this.database = database;
    }

    void create(App app) {
        int inserted = database.write("create app " + app.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, app.id());
                insert.setString(2, app.name());
                insert.setString(3, String.join("\n", app.allowedOrigins()));
                insert.setString(4, app.publishableKey());
                insert.setString(5, app.secretKeyHash());
                insert.setString(6, app.signingSecret());
                Columns.setInstant(insert, 7, app.createdAt());
                int created = insert.executeUpdate();
                VoteStore.createCounters(connection, List.of(app.id()));
                return created;
            }
        });
        if (inserted == 0) {
            throw new ConflictException("app '" + app.id() + "' already exists; choose another id");
        }
    }

    /** Replaces everything but id and createdAt; a revoked key comes as "" and is stored so. */
    void update(App app) {
        int updated = database.write("update app " + app.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                update.setString(1, app.name());
                update.setString(2, String.join("\n", app.allowedOrigins()));
                update.setString(3, app.publishableKey());
                update.setString(4, app.secretKeyHash());
                update.setString(5, app.signingSecret());
                update.setString(6, app.id());
                return update.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException("no app '" + app.id() + "': create it before changing it");
        }
    }

    void replaceSigningSecret(String appId, String signingSecret) {
        int updated = database.write("replace the signing secret of app " + appId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(REPLACE_SIGNING_SECRET)) {
                update.setString(1, signingSecret);
                update.setString(2, appId);
                return update.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException("no app '" + appId + "': create it before rotating its signing secret");
        }
    }

    Optional<App> app(String appId) {
        return database.read("read app " + appId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(BY_ID)) {
                query.setString(1, appId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.<App>empty();
                }
            }
        });
    }

    List<App> apps() {
        return database.read("list apps", connection -> {
            try (PreparedStatement query = connection.prepareStatement(ALL); ResultSet rows = query.executeQuery()) {
                List<App> apps = new ArrayList<>();
                while (rows.next()) {
                    apps.add(read(rows));
                }
                return apps;
            }
        });
    }

    long erasures(String appId) {
        return database.read("read the erasure count of app " + appId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(ERASURES)) {
                query.setString(1, appId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }

    /** Counts one more erasure, inside the caller's transaction (the one that deleted the votes). */
    static void countErasure(Connection connection, String appId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(COUNT_ERASURE)) {
            update.setString(1, appId);
            update.executeUpdate();
        }
    }

    private static App read(ResultSet row) throws SQLException {
        String origins = row.getString("allowed_origins");
        return new App(row.getString("id"), row.getString("name"),
                origins.isEmpty() ? List.of() : Arrays.asList(origins.split("\n")), row.getString("publishable_key"),
                row.getString("secret_key_hash"), row.getString("signing_secret"),
                Columns.getInstant(row, "created_at"));
    }
}
