package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.model.RaterProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What raters chose to show of themselves, one row per (app, rater) in {@code rater_profiles}. */
final class RaterProfileStore {
    private static final String COLUMNS = "app_id, rater, display_name, listed, updated_at";
    private static final String READ = "SELECT " + COLUMNS + " FROM rater_profiles WHERE app_id = ? AND rater = ?";
    private static final String AFTER = "SELECT " + COLUMNS + " FROM rater_profiles WHERE app_id = ? AND rater > ? "
            + "ORDER BY rater LIMIT ?";
    private static final String SAVE = """
            INSERT INTO rater_profiles (app_id, rater, display_name, listed, updated_at) VALUES (?, ?, ?, ?, ?) \
            ON CONFLICT (app_id, rater) DO UPDATE SET display_name = excluded.display_name, \
            listed = excluded.listed, updated_at = excluded.updated_at""";
    private static final String DELETE_RATER = "DELETE FROM rater_profiles WHERE app_id = ? AND rater = ?";

    private final SqliteDatabase database;

    RaterProfileStore(SqliteDatabase database) {
        this.database = database;
    }

    Optional<RaterProfile> profile(String appId, String rater) {
        return database.read("read the profile of " + rater, connection -> {
            try (PreparedStatement query = connection.prepareStatement(READ)) {
                query.setString(1, appId);
                query.setString(2, rater);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.<RaterProfile>empty();
                }
            }
        });
    }

    /** Up to {@code limit} of the app's profiles with rater above {@code afterRater}, walking the primary key. */
    List<RaterProfile> after(String appId, String afterRater, int limit) {
        return database.read("read profiles after " + afterRater, connection -> {
            try (PreparedStatement query = connection.prepareStatement(AFTER)) {
                query.setString(1, appId);
                query.setString(2, afterRater);
                query.setInt(3, limit);
                List<RaterProfile> page = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        page.add(read(rows));
                    }
                }
                return page;
            }
        });
    }

    /** Creates or replaces the profile; one without {@code updatedAt} is stamped now. */
    void save(RaterProfile profile) {
        Instant updatedAt = profile.updatedAt() != null ? profile.updatedAt() : Instant.now();
        database.write("save the profile of " + profile.rater(), connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(SAVE)) {
                upsert.setString(1, profile.appId());
                upsert.setString(2, profile.rater());
                upsert.setString(3, profile.displayName());
                upsert.setInt(4, profile.listed() ? 1 : 0);
                Columns.setInstant(upsert, 5, updatedAt);
                return upsert.executeUpdate();
            }
        });
    }

    private static RaterProfile read(ResultSet row) throws SQLException {
        return new RaterProfile(row.getString("app_id"), row.getString("rater"), row.getString("display_name"),
                row.getInt("listed") == 1, Columns.getInstant(row, "updated_at"));
    }

    /** Deletes the rater's profile; runs inside the caller's write transaction. */
    static void deleteRater(Connection connection, String appId, String rater) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_RATER)) {
            delete.setString(1, appId);
            delete.setString(2, rater);
            delete.executeUpdate();
        }
    }
}
