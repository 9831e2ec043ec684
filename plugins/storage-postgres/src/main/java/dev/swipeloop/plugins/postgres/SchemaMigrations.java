package dev.swipeloop.plugins.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a schema to the version this plugin uses. Every applied version is a row of
 * {@code schema_version}; each script in {@link #SCRIPTS} takes the schema one version further.
 * All pending scripts run in one transaction under an advisory lock, so hosts starting at once
 * migrate once (the others wait, then find nothing pending) and a failed upgrade leaves the
 * schema as it was. A schema already at the latest version is only read, so a host can start
 * on a read-only connection (a hot standby serving exports).
 *
 * <p>Public so that other programs (a benchmark) build the very same schema.
 */
public final class SchemaMigrations {
    /** Class-path resources; the script at index {@code i} moves the schema from version {@code i} to {@code i + 1}. */
    public static final List<String> SCRIPTS = List.of("/dev/swipeloop/plugins/postgres/migrations/V1__initial.sql");
    public static final int LATEST_VERSION = SCRIPTS.size();

    private SchemaMigrations() {
    }

    /**
     * Creates {@code schema} if needed and applies every pending script in it; returns the
     * version the schema had before. The scripts run with the schema as the only one on the
     * search path. The connection must be in auto-commit mode; it stays so. Throws {@link SchemaTooNewException} for a
     * schema migrated by a newer plugin, without changing it.
     */
    public static int migrate(Connection connection, String schema) throws SQLException {
        int current = currentVersion(connection, schema);
        if (current > LATEST_VERSION) {
            throw new SchemaTooNewException(current, LATEST_VERSION);
        }
        if (current == LATEST_VERSION) {
            return current;
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            new AdvisoryLocks(schema).lockMigrations(connection);
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + quoted(schema));
            statement.execute("SET LOCAL search_path TO " + quoted(schema));
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            int found = version(statement);
            if (found > LATEST_VERSION) {
                throw new SchemaTooNewException(found, LATEST_VERSION);
            }
            for (int version = found; version < LATEST_VERSION; version++) {
                statement.execute(script(SCRIPTS.get(version)));
                statement.execute("INSERT INTO schema_version (version) VALUES (" + (version + 1) + ")");
            }
            connection.commit();
            return found;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
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

    /**
     * The schema's version without a lock or a write, 0 when it has no version table; the
     * migration reads it again under the lock, since another host may be migrating meanwhile.
     */
    private static int currentVersion(Connection connection, String schema) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, quoted(schema) + ".schema_version");
            try (ResultSet row = exists.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(max(version), 0) FROM " + quoted(schema)
                     + ".schema_version")) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * The schema as a quoted identifier: a name that is a reserved word ({@code user},
     * {@code order}) is then a name too. The names allowed are lower case, so quoted or not
     * they name the same schema.
     */
    private static String quoted(String schema) {
        return '"' + schema.replace("\"", "\"\"") + '"';
    }

    private static int version(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            row.next();
            return row.getInt(1);
        }
    }
}
