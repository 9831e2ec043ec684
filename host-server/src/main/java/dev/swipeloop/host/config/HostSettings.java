package dev.swipeloop.host.config;

import dev.swipeloop.host.admin.OperatorToken;
import dev.swipeloop.host.export.PseudonymKey;
import dev.swipeloop.host.hosts.HostName;
import dev.swipeloop.host.webhooks.WebhookSettings;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import java.nio.file.Path;
import java.util.List;

/**
 * The host's own settings, declared with the same {@link ConfigSpec} the plugins use, so they
 * are validated together (every error at once) and documented from one place. Sources, the
 * later winning: defaults, the config file, {@code SWIPELOOP_*} environment variables, flags.
 */
public record HostSettings(
        String bind,
        int port,
        Path dataDir,
        Path pluginsDir,
        String storage,
        String publicUrl,
        boolean trustProxy,
        long maxBodyBytes,
        int maxVotesPerBatch,
        int maxItemsPerBatch,
        int keyRequestsPerSecond,
        int keyBurst,
        int addressRequestsPerSecond,
        int addressBurst,
        int maxCommitVotes,
        int deckMaxLimit,
        Path mediaDir,
        long mediaMaxBytes,
        List<String> fetchMediaAllowedHosts,
        int fetchMediaTimeoutMillis,
        String exportPseudonymKey,
        int exportConcurrentJobs,
        int exportKeepJobs,
        int exportMaxStreams,
        int scoresRefreshMillis,
        int rewardsCacheEntries,
        WebhookSettings webhooks,
        boolean webhooksAllowPrivateAddresses,
        String configuredHostId,
        Path exportsDir,
        String adminOperatorToken,
        int adminSessionMinutes) {

    public static final ConfigSpec SPEC = WebhookSettings.defineIn(new ConfigSpec()
            .define("bind", ConfigType.STRING, "0.0.0.0", false, "Address the HTTP server listens on")
            .define("port", ConfigType.INT, 7070, false, "HTTP port; 0 picks a free one", Validator.range(0, 65535))
            .define("data", ConfigType.STRING, "./data", false, "Data directory: the SQLite database, uploaded media, demo images, plugin files")
            .define("pluginsDir", ConfigType.STRING, null, false,
                    "Directory of plugin zips/jars; default: plugins/ of the distribution. Must be writable (zips are unpacked beside themselves)")
            .define("storage", ConfigType.STRING, "sqlite", false, "Id of the StorageBackend extension to use")
            .define("host.id", ConfigType.STRING, null, false,
                    "This host's name among the hosts sharing its database (in /health, leases and logs); unique per"
                            + " running host. Default: the machine's host name and a random suffix, new at every start",
                    value -> ((String) value).isBlank() || ((String) value).length() > 200
                            ? "must be 1 to 200 characters" : null)
            .define("publicUrl", ConfigType.STRING, null, false,
                    "URL the server is reached at, for printed links and the absolute URLs of images the host serves"
                            + " (/media/…, /demo/…) in deck cards; default: the request's own host")
            .define("trustProxy", ConfigType.BOOLEAN, false, false,
                    "Take the client address from X-Forwarded-For (only behind a proxy you run)")
            .define("limits.maxBodyBytes", ConfigType.LONG, 1_048_576L, false,
                    "Largest request body of the JSON endpoints; larger ones get 413 (uploads to POST /v1/media have media.maxBytes)", Validator.range(1024, 1L << 30))
            .define("limits.maxVotesPerBatch", ConfigType.INT, 500, false,
                    "Most votes in one POST /v1/votes; more get 413", Validator.range(1, 100_000))
            .define("limits.maxItemsPerBatch", ConfigType.INT, 1000, false,
                    "Most items in one POST /v1/items; more get 413", Validator.range(1, 100_000))
            .define("limits.keyRequestsPerSecond", ConfigType.INT, 500, false,
                    "Sustained requests per second allowed per API key; more get 429", Validator.range(1, 10_000_000))
            .define("limits.keyBurst", ConfigType.INT, 1000, false,
                    "Requests a key may send at once above its sustained rate", Validator.range(1, 10_000_000))
            .define("limits.addressRequestsPerSecond", ConfigType.INT, 50, false,
                    "Sustained requests per second allowed per client address; more get 429", Validator.range(1, 10_000_000))
            .define("limits.addressBurst", ConfigType.INT, 100, false,
                    "Requests an address may send at once above its sustained rate", Validator.range(1, 10_000_000))
            .define("ingest.maxCommitVotes", ConfigType.INT, 5000, false,
                    "Most votes the group-commit writer puts in one transaction", Validator.range(1, 1_000_000))
            .define("deck.maxLimit", ConfigType.INT, 50, false,
                    "Largest 'limit' accepted by GET /v1/deck", Validator.range(1, 1000))
            .define("media.dir", ConfigType.STRING, null, false,
                    "Directory of uploaded images (content-addressed); default <data>/media. Several hosts must share it")
            .define("media.maxBytes", ConfigType.LONG, 10_485_760L, false,
                    "Largest image POST /v1/media accepts (larger get 413) and an export fetches",
                    Validator.range(1024, 1L << 30))
            .define("export.fetchMedia.allowedHosts", ConfigType.LIST, null, false,
                    "Host names exports run with fetchMedia may download images from, comma separated, matched exactly"
                            + " (no subdomains); default none: nothing is fetched")
            .define("export.fetchMedia.timeoutMillis", ConfigType.INT, 10_000, false,
                    "Longest one image download of an export may take, connecting included", Validator.range(100, 600_000))
            .define("export.pseudonymKey", ConfigType.PASSWORD, null, false,
                    "Key of the rater pseudonyms in exports (HMAC-SHA256): 64 hex digits, e.g. another host's"
                            + " <data>/export-pseudonym.key; hosts sharing a database must share it. Default: a random key"
                            + " kept in that file", value -> PseudonymKey.problem(((String) value).trim()))
            .define("export.concurrentJobs", ConfigType.INT, 1, false,
                    "Background exports (POST /v1/exports) that run at once; more wait in line", Validator.range(1, 16))
            .define("exports.dir", ConfigType.STRING, null, false,
                    "Directory of background exports (job records and files); default <data>/exports. Hosts sharing a"
                            + " database should share it (NFS, EFS…), so that any of them answers for every job")
            .define("export.keepJobs", ConfigType.INT, 50, false,
                    "Finished exports kept per app in exports.dir (records and files); older ones are deleted",
                    Validator.range(1, 100_000))
            .define("export.maxStreams", ConfigType.INT, 2, false,
                    "Exports streamed at once by GET /v1/exports/{format}; more get 503", Validator.range(1, 64))
            .define("scores.refreshMillis", ConfigType.INT, 1000, false,
                    "How often new votes are folded into every app's scores, rater flags and alarms in the background;"
                            + " decks use scores at most this old (rankings and stats read the latest votes themselves)",
                    Validator.range(50, 3_600_000))
            .define("rewards.cacheEntries", ConfigType.INT, 1_000_000, false,
                    "Reward ledger entries per app kept in memory while votes are paid (about 60 bytes each), those of"
                            + " the most recently active raters; others are read from storage when they vote again",
                    Validator.range(1, 100_000_000))
            .define("webhooks.allowPrivateAddresses", ConfigType.BOOLEAN, false, false,
                    "Let apps set webhook URLs on this host's own networks (loopback, private ranges), e.g. a receiver on"
                            + " the same machine; off, such URLs are refused so that app owners cannot probe them")
            .define("admin.operatorToken", ConfigType.PASSWORD, null, false,
                    "Token that signs in to the dashboard (/admin) for every app and may create apps; hosts behind one"
                            + " load balancer must share it. Default: a random token kept in <data>/operator-token"
                            + " (readable by its owner only), made at the first start",
                    value -> OperatorToken.problem((String) value))
            .define("admin.sessionMinutes", ConfigType.INT, 480, false,
                    "How long a dashboard sign-in lasts, in minutes; rotating the app's secret key ends its sessions"
                            + " sooner", Validator.range(1, 10_080)));

    /**
     * The id of a run that needs one (a server, an export holding a cursor): {@code host.id}, or
     * a new default, the machine's name and a random suffix. Only then is the machine's name
     * looked up, which can wait on a broken DNS: parsing settings (every command) never does.
     */
    public String hostIdForRun() {
        return configuredHostId != null ? configuredHostId : HostName.withSuffix();
    }

    public static HostSettings from(Config c) {
        Path data = Path.of(c.getString("data")).toAbsolutePath().normalize();
        String plugins = c.getString("pluginsDir");
        String media = c.getString("media.dir");
        String exports = c.getString("exports.dir");
        List<String> fetchHosts = c.getList("export.fetchMedia.allowedHosts");
        return new HostSettings(
                c.getString("bind"),
                c.getInt("port"),
                data,
                plugins == null ? null : Path.of(plugins).toAbsolutePath().normalize(),
                c.getString("storage"),
                c.getString("publicUrl"),
                c.getBoolean("trustProxy"),
                c.getLong("limits.maxBodyBytes"),
                c.getInt("limits.maxVotesPerBatch"),
                c.getInt("limits.maxItemsPerBatch"),
                c.getInt("limits.keyRequestsPerSecond"),
                c.getInt("limits.keyBurst"),
                c.getInt("limits.addressRequestsPerSecond"),
                c.getInt("limits.addressBurst"),
                c.getInt("ingest.maxCommitVotes"),
                c.getInt("deck.maxLimit"),
                media == null ? data.resolve("media") : Path.of(media).toAbsolutePath().normalize(),
                c.getLong("media.maxBytes"),
                fetchHosts == null ? List.of() : List.copyOf(fetchHosts),
                c.getInt("export.fetchMedia.timeoutMillis"),
                c.getString("export.pseudonymKey"),
                c.getInt("export.concurrentJobs"),
                c.getInt("export.keepJobs"),
                c.getInt("export.maxStreams"),
                c.getInt("scores.refreshMillis"),
                c.getInt("rewards.cacheEntries"),
                WebhookSettings.from(c),
                c.getBoolean("webhooks.allowPrivateAddresses"),
                c.getString("host.id") == null ? null : c.getString("host.id").trim(),
                exports == null ? data.resolve("exports") : Path.of(exports).toAbsolutePath().normalize(),
                c.getString("admin.operatorToken"),
                c.getInt("admin.sessionMinutes"));
    }
}
