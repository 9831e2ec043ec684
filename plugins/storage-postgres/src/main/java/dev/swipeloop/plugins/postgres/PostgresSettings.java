package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;

/**
 * The plugin's settings, declared for the host and parsed into one value. {@code user} and
 * {@code password} are null when not set: then those in {@code jdbcUrl} apply (the user
 * falling back to {@value #DEFAULT_USER}), so a URL that carries its credentials works alone.
 */
record PostgresSettings(String jdbcUrl, String user, String password, String schema, int poolSize,
                        int connectTimeoutMs, int foldBatchVotes) {
    static final String JDBC_URL = "jdbcUrl";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String SCHEMA = "schema";
    static final String POOL_SIZE = "poolSize";
    static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    static final String FOLD_BATCH_VOTES = "foldBatchVotes";
    static final int DEFAULT_FOLD_BATCH_VOTES = 20_000;
    static final String DEFAULT_JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/swipeloop";
    static final String DEFAULT_USER = "postgres";

    /** Lower case, so the name is the same quoted (as the plugin writes it) or unquoted (as psql users type it). */
    private static final Validator IDENTIFIER = value -> ((String) value).matches("[a-z_][a-z0-9_]{0,62}") ? null
            : "must be a lower-case identifier: letters a-z, digits and _, not starting with a digit, at most 63";

    static final ConfigSpec SPEC = new ConfigSpec()
            .define(JDBC_URL, ConfigType.STRING, DEFAULT_JDBC_URL, false,
                    "JDBC URL of the database, jdbc:postgresql://host:port/database, optionally with driver"
                            + " parameters such as ?sslmode=require or ?user=…&password=….")
            .define(USER, ConfigType.STRING, null, false,
                    "Database user. Default: the user in jdbcUrl, else " + DEFAULT_USER + ".")
            .define(PASSWORD, ConfigType.PASSWORD, null, false,
                    "Password of the user. Default: the password in jdbcUrl, else none (trust or peer"
                            + " authentication, or ~/.pgpass). Never logged.")
            .define(SCHEMA, ConfigType.STRING, "swipeloop", false,
                    "Schema that holds Swipeloop's tables; created when missing. Every host sharing the data"
                            + " names the same one.", IDENTIFIER)
            .define(POOL_SIZE, ConfigType.INT, 10, false,
                    "Most connections this host opens. Every host sharing the database has its own pool:"
                            + " keep the sum under the server's max_connections.", Validator.range(1, 1000))
            .define(CONNECT_TIMEOUT_MS, ConfigType.INT, 10_000, false,
                    "How long opening a connection, or waiting for a free one when all poolSize are busy, may"
                            + " take before the call fails with a retriable error, in milliseconds.",
                    Validator.range(250, 600_000))
            .define(FOLD_BATCH_VOTES, ConfigType.INT, DEFAULT_FOLD_BATCH_VOTES, false,
                    "Votes each host's background fold adds to the items' judged counts per transaction (up to"
                            + " twice as many when it is behind); this host's appends wake it after as many. Larger"
                            + " batches update each item's count once for more votes, but deck reads add up to"
                            + " that many not yet folded votes themselves.", Validator.range(64, 65_536));

    static PostgresSettings from(Config config) {
        return new PostgresSettings(config.getString(JDBC_URL), config.getString(USER), config.getString(PASSWORD),
                config.getString(SCHEMA), config.getInt(POOL_SIZE), config.getInt(CONNECT_TIMEOUT_MS),
                config.getInt(FOLD_BATCH_VOTES));
    }

    /** Keeps the password out of logs and messages, whatever prints the settings. */
    @Override
    public String toString() {
        return "PostgresSettings[jdbcUrl=" + JdbcUrls.withoutPassword(jdbcUrl) + ", user=" + user + ", schema="
                + schema + ", poolSize=" + poolSize + ", connectTimeoutMs=" + connectTimeoutMs + ", foldBatchVotes="
                + foldBatchVotes + "]";
    }
}
