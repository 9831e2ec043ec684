package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.PluginStartException;
import dev.swipeloop.sdk.plugin.PluginContext;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Reaches the database at start: builds the driver's DataSource from the settings, opens one
 * connection to migrate the schema, and only then builds the pool over the same DataSource. A
 * failure on the way is one {@link PluginStartException} that says what went wrong and which
 * setting to change, so the host can report it in a line.
 */
final class PostgresConnector {
    private final PostgresSettings settings;
    private final PluginContext context;

    PostgresConnector(PostgresSettings settings, PluginContext context) {
        this.settings = settings;
        this.context = context;
    }

    /** The pool of a database whose schema is migrated to this plugin's version. */
    PostgresDatabase open() {
        PGSimpleDataSource source = dataSource();
        try (Connection connection = source.getConnection()) {
            SchemaMigrations.migrate(connection, settings.schema());
        } catch (SchemaTooNewException e) {
            String setting = context.settingName(PostgresSettings.SCHEMA);
            throw new PluginStartException("PostgreSQL schema " + settings.schema() + " at " + where() + " has version "
                    + e.found() + ", newer than the " + e.supported() + " this plugin supports: upgrade the"
                    + " storage-postgres plugin, or set " + setting + " to another schema", setting, e);
        } catch (SQLException e) {
            throw explain(e);
        }
        return PostgresDatabase.open(source, settings);
    }

    /** The user and password settings win over those in the URL; a URL without a user means postgres. */
    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        try {
            source.setUrl(settings.jdbcUrl());
        } catch (IllegalArgumentException e) {
            String setting = context.settingName(PostgresSettings.JDBC_URL);
            throw new PluginStartException(setting + " is not a PostgreSQL JDBC URL (was '"
                    + JdbcUrls.withoutPassword(settings.jdbcUrl()) + "'): write it as"
                    + " jdbc:postgresql://host:5432/database", setting, e);
        }
        if (settings.user() != null) {
            source.setUser(settings.user());
        } else if (source.getUser() == null) {
            source.setUser(PostgresSettings.DEFAULT_USER);
        }
        if (settings.password() != null) {
            source.setPassword(settings.password());
        }
        source.setCurrentSchema(settings.schema());
        int timeoutSeconds = (settings.connectTimeoutMs() + 999) / 1000;
        source.setConnectTimeout(timeoutSeconds);
        source.setLoginTimeout(timeoutSeconds);
        source.setApplicationName("swipeloop");
        return source;
    }

    private PluginStartException explain(SQLException e) {
        String state = e.getSQLState() != null ? e.getSQLState() : "";
        String reason = PostgresDatabase.oneLine(e);
        String url = context.settingName(PostgresSettings.JDBC_URL);
        switch (state) {
            case "28P01", "28000" -> {
                // 28P01: a wrong password; 28000: no such role, or pg_hba.conf lets it in from nowhere here.
                String user = context.settingName(PostgresSettings.USER);
                String password = context.settingName(PostgresSettings.PASSWORD);
                return new PluginStartException("PostgreSQL at " + where() + " refused the login (" + reason + "): set "
                        + user + " and " + password + ", or the user and password in " + url + ", to a role the server"
                        + " accepts", "28P01".equals(state) ? password : user, e);
            }
            case "3D000" -> {
                return new PluginStartException("PostgreSQL at " + where() + " has no such database (" + reason
                        + "): create it (createdb) or name an existing one in " + url, url, e);
            }
            case "42501" -> {
                String schema = context.settingName(PostgresSettings.SCHEMA);
                return new PluginStartException("PostgreSQL at " + where() + " does not let this user create or use"
                        + " schema " + settings.schema() + " (" + reason + "): grant it CREATE on the database, create"
                        + " the schema for it, or set " + schema + " to one it owns", schema, e);
            }
            case "25006" -> {
                // The migration's first write on a read-only connection: a hot standby (or a
                // read-only session) whose schema is behind; only the primary can migrate it.
                return new PluginStartException("PostgreSQL schema " + settings.schema() + " at " + where() + " must be"
                        + " migrated to version " + SchemaMigrations.LATEST_VERSION + ", and this connection is read-only ("
                        + reason + "): migrate it through the primary first (start a host on the primary once), then"
                        + " start this one", url, e);
            }
            default -> {
                if (state.startsWith("08")) {
                    return new PluginStartException("cannot reach PostgreSQL at " + where() + " (" + reason + "): start"
                            + " the server, or point " + url + " at it", url, e);
                }
                return new PluginStartException("cannot open PostgreSQL database " + where() + " (" + reason + "): check "
                        + url + " and the server's log", url, e);
            }
        }
    }

    private String where() {
        return JdbcUrls.withoutPassword(settings.jdbcUrl());
    }
}
