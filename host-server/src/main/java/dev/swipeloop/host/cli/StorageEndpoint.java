package dev.swipeloop.host.cli;

import dev.swipeloop.host.HostVersion;
import dev.swipeloop.host.SwipeloopHost;
import dev.swipeloop.host.plugin.LoadedPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One end of {@code migrate}: {@code sqlite:DIR} (a data directory, the database file where the
 * sqlite plugin puts it by default), {@code sqlite:FILE.db}, or {@code postgres:JDBC_URL}. Opened
 * through the host's own plugin loading, with the end's storage and settings laid over the
 * command's flags, config file and environment, so each end is exactly what {@code serve} with
 * those settings would use.
 */
record StorageEndpoint(String flag, String spec, Map<String, String> settings, boolean sqliteDirectory) {
    static final String SQLITE = "sqlite:";
    static final String POSTGRES = "postgres:";

    /**
     * @param flag   the flag the end came from ("from" or "to"), for messages
     * @param schema the PostgreSQL schema for this end, or null for the plugin's default
     */
    static StorageEndpoint parse(String flag, String spec, String schema) {
        if (spec == null || spec.equals("true") || spec.isBlank()) {
            throw new UsageException("--" + flag + " is required: sqlite:DIR, sqlite:FILE.db or postgres:JDBC_URL");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (spec.startsWith(SQLITE) && spec.length() > SQLITE.length()) {
            refuseSchema(flag, schema);
            Path location = Path.of(spec.substring(SQLITE.length())).toAbsolutePath().normalize();
            settings.put("storage", "sqlite");
            boolean directory = !location.getFileName().toString().endsWith(".db") && !Files.isRegularFile(location);
            if (directory) {
                settings.put("data", location.toString());
            } else {
                settings.put("data", location.getParent().toString());
                settings.put("plugin.sqlite.path", location.toString());
            }
            return new StorageEndpoint(flag, spec, settings, directory);
        }
        if (spec.startsWith(POSTGRES) && spec.substring(POSTGRES.length()).startsWith("jdbc:postgresql:")) {
            settings.put("storage", "postgres");
            settings.put("plugin.postgres.jdbcUrl", spec.substring(POSTGRES.length()));
            if (schema != null) {
                settings.put("plugin.postgres.schema", schema);
            }
            return new StorageEndpoint(flag, spec, settings, false);
        }
        throw new UsageException("--" + flag + " " + spec + " is not a storage this command knows: give sqlite:DIR,"
                + " sqlite:FILE.db or postgres:jdbc:postgresql://HOST/DATABASE");
    }

    private static void refuseSchema(String flag, String schema) {
        if (schema != null) {
            throw new UsageException("--" + flag + "-schema applies to a postgres: end only");
        }
    }

    /** A source must exist: opening a missing SQLite file would create an empty one and copy nothing. */
    void requireExisting() {
        if (!settings.get("storage").equals("sqlite")) {
            return;
        }
        Path location = Path.of(settings.getOrDefault("plugin.sqlite.path", settings.get("data")));
        if (!Files.exists(location)) {
            throw new UsageException("--" + flag + " " + this + ": " + location + " does not exist");
        }
    }

    /** Loads the plugins and starts this end's storage; the command's own flags are left out of the settings. */
    LoadedPlugins open(Args args, String... commandFlags) {
        Map<String, List<String>> flags = new LinkedHashMap<>(args.flags());
        settings.forEach((key, value) -> flags.put(key, List.of(value)));
        HostConfigLoader config = HostConfigLoader.load(new Args(flags, args.positional()), commandFlags);
        String path = config.sources().get("plugin.sqlite.path");
        if (sqliteDirectory && path != null) {
            throw new UsageException("plugin.sqlite.path is set to " + path + ", which would be opened instead of the"
                    + " database in " + settings.get("data") + "; give the file itself: --" + flag + " sqlite:" + path);
        }
        return LoadedPlugins.load(SwipeloopHost.pluginsDir(config.settings()), config.settings().dataDir(),
                HostVersion.get(), config.settings().storage(), config.sources());
    }

    /** The spec as given, with a password in the JDBC URL's parameters masked: it goes into messages and logs. */
    @Override
    public String toString() {
        return spec.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
