package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import dev.swipeloop.sdk.plugin.PluginContext;
import java.nio.file.Path;

/** The plugin's settings, declared for the host and parsed into one value. */
record SqliteSettings(Path path, int readConnections, int busyTimeoutMs, int cacheSizeMb, int indexBatchVotes) {
    static final String PATH = "path";
    static final String READ_CONNECTIONS = "readConnections";
    static final String BUSY_TIMEOUT_MS = "busyTimeoutMs";
    static final String CACHE_SIZE_MB = "cacheSizeMb";
    static final String INDEX_BATCH_VOTES = "indexBatchVotes";
    static final int DEFAULT_INDEX_BATCH_VOTES = 512;
    static final String DEFAULT_FILE_NAME = "swipeloop.db";

    static final ConfigSpec SPEC = new ConfigSpec()
            .define(PATH, ConfigType.STRING, null, false,
                    "Database file; created with its directory when missing. Default: <data directory>/"
                            + DEFAULT_FILE_NAME + ". Keep it on a local disk: WAL mode needs shared memory.")
            .define(READ_CONNECTIONS, ConfigType.INT, 4, false,
                    "Connections for reads (deck, cursor, stats), which run beside the single writer.",
                    Validator.range(1, 64))
            .define(BUSY_TIMEOUT_MS, ConfigType.INT, 5000, false,
                    "How long a statement waits for a lock held by another process (or for a free read"
                            + " connection) before failing with a retriable error, in milliseconds.",
                    Validator.range(0, 600_000))
            .define(CACHE_SIZE_MB, ConfigType.INT, 16, false,
                    "Page cache per connection in MiB (the writer and each read connection have one).",
                    Validator.range(1, 4096))
            .define(INDEX_BATCH_VOTES, ConfigType.INT, DEFAULT_INDEX_BATCH_VOTES, false,
                    "Votes the background indexer folds per transaction into the per-rater index and the"
                            + " judged counts (up to twice as many when it is behind). Larger batches raise"
                            + " ingest throughput, since each index page is written once for more votes, but"
                            + " a vote commit that arrives during a batch waits for it (roughly 8 ms at 512,"
                            + " 15 ms at 2048 on a small VM), and deck reads scan up to that many not yet"
                            + " indexed votes.",
                    Validator.range(64, 65_536));

    static SqliteSettings from(Config config, PluginContext context) {
        String path = config.getString(PATH);
        Path file = path == null ? context.dataDirectory().resolve(DEFAULT_FILE_NAME) : Path.of(path);
        return new SqliteSettings(file.toAbsolutePath().normalize(), config.getInt(READ_CONNECTIONS),
                config.getInt(BUSY_TIMEOUT_MS), config.getInt(CACHE_SIZE_MB), config.getInt(INDEX_BATCH_VOTES));
    }
}
