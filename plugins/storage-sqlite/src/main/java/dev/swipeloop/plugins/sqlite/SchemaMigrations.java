package dev.swipeloop.plugins.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a database to the schema this plugin uses. The version lives in
 * {@code PRAGMA user_version}; each script in {@link #SCRIPTS} takes it one step further and
 * all pending scripts run in one transaction, so a failed upgrade leaves the file as it was.
 *
 * <p>Public so that other programs (the insert benchmark) build the very same schema: call
 * {@link #migrate(Connection)} on a fresh connection, or read the scripts as resources.
 */
public final class SchemaMigrations {
    /** Class-path resources; the script at index {@code i} moves the schema from version {@code i} to {@code i + 1}. */
    public static final List<String> SCRIPTS = List.of(
            "/dev/swipeloop/plugins/sqlite/migrations/V1__initial.sql",
            "/dev/swipeloop/plugins/sqlite/migrations/V2__export_cursors.sql",
            "/dev/swipeloop/plugins/sqlite/migrations/V3__app_settings.sql",
            "/dev/swipeloop/plugins/sqlite/migrations/V4__rewards.sql",
            "/dev/swipeloop/plugins/sqlite/migrations/V5__hosts.sql");
    public static final int LATEST_VERSION = SCRIPTS.size();

    private SchemaMigrations() {
    }

    /**
     * Applies every pending script and returns the version the database had before. The
     * connection must be in auto-commit mode; it stays so. Throws {@link SchemaTooNewException}
     * for a database from a newer plugin, without changing it.
     */
    public static int migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                int found = userVersion(statement);
                if (found > LATEST_VERSION) {
                    throw new SchemaTooNewException(found, LATEST_VERSION);
                }
                for (int version = found; version < LATEST_VERSION; version++) {
                    statement.executeUpdate(script(SCRIPTS.get(version)));
                }
                statement.execute("PRAGMA user_version = " + LATEST_VERSION);
                statement.execute("COMMIT");
                return found;
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    public static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return userVersion(statement);
        }
    }

    /** The text of one migration script. */
    public static String script(String resource) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + resource + " is missing from the plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + resource, e);
        }
    }

    private static int userVersion(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            row.next();
            return row.getInt(1);
        }
    }
}
