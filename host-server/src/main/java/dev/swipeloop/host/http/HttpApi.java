package dev.swipeloop.host.http;

import com.google.gson.GsonBuilder;
import dev.swipeloop.host.admin.AdminSessions;
import dev.swipeloop.host.admin.OperatorToken;
import dev.swipeloop.host.admin.VoteTimeline;
import dev.swipeloop.host.apps.AppDirectory;
import dev.swipeloop.host.deck.DeckService;
import dev.swipeloop.host.ranking.Knowledge;
import dev.swipeloop.host.ranking.QualityService;
import dev.swipeloop.host.ranking.RankingService;
import dev.swipeloop.host.ranking.ScoreBoards;
import dev.swipeloop.host.ranking.VoteTaps;
import dev.swipeloop.host.rewards.RewardEngine;
import dev.swipeloop.host.settings.AppSettingsCache;
import dev.swipeloop.host.settings.RewardPolicySpecs;
import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.ingest.GroupCommitWriter;
import dev.swipeloop.host.export.BackgroundExports;
import dev.swipeloop.host.export.ExportService;
import dev.swipeloop.host.hosts.Leases;
import dev.swipeloop.host.export.PseudonymKey;
import dev.swipeloop.host.hosts.LiveHosts;
import dev.swipeloop.host.media.MediaStore;
import dev.swipeloop.host.plugin.PluginRegistry;
import dev.swipeloop.host.webhooks.LedgerFeed;
import dev.swipeloop.host.webhooks.StorageLedgerFeed;
import dev.swipeloop.host.webhooks.WebhookDispatcher;
import dev.swipeloop.host.webhooks.WebhookEndpoint;
import dev.swipeloop.host.widget.WidgetBundle;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinGson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.server.handler.GracefulHandler;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of API.md on Javalin. Everything is wired inside {@code Javalin.create}: routes
 * are method references into small controllers, errors are typed exceptions mapped to
 * problem+json once ({@link ProblemMapper}). Besides the API it serves the {@code <swipe-deck>}
 * script ({@link WidgetController}) and uploaded images ({@link MediaController}).
 * {@code extraRoutes} lets the bootstrap add pages (the demo) in the same place.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    /** One route of the API; also what the OpenAPI document is checked against. */
    public record Route(HandlerType method, String path) {
    }

    /** Every route this class serves (besides CORS preflights), for tests and docs. */
    public static final List<Route> ROUTES = List.of(
            new Route(HandlerType.GET, "/health"),
            new Route(HandlerType.GET, "/openapi.json"),
            new Route(HandlerType.GET, "/widget.js"),
            new Route(HandlerType.GET, "/widget.{hash}.js"),
            new Route(HandlerType.GET, "/widget.d.ts"),
            new Route(HandlerType.GET, "/media/{sha256}"),
            new Route(HandlerType.HEAD, "/media/{sha256}"),
            new Route(HandlerType.POST, "/v1/items"),
            new Route(HandlerType.POST, "/v1/media"),
            new Route(HandlerType.GET, "/v1/deck"),
            new Route(HandlerType.POST, "/v1/votes"),
            new Route(HandlerType.GET, "/v1/votes"),
            new Route(HandlerType.GET, "/v1/stats"),
            new Route(HandlerType.DELETE, "/v1/raters/{rater}"),
            new Route(HandlerType.GET, "/v1/raters/{rater}/quality"),
            new Route(HandlerType.GET, "/v1/raters/{rater}/progress"),
            new Route(HandlerType.GET, "/v1/raters/{rater}/profile"),
            new Route(HandlerType.PUT, "/v1/raters/{rater}/profile"),
            new Route(HandlerType.GET, "/v1/raters/{rater}/ledger"),
            new Route(HandlerType.GET, "/v1/leaderboard"),
            new Route(HandlerType.GET, "/v1/acknowledgements"),
            new Route(HandlerType.GET, "/v1/webhooks"),
            new Route(HandlerType.POST, "/v1/webhooks/secret"),
            new Route(HandlerType.GET, "/v1/quality"),
            new Route(HandlerType.GET, "/v1/rankings"),
            new Route(HandlerType.GET, "/v1/items/{id}/stats"),
            new Route(HandlerType.GET, "/v1/settings"),
            new Route(HandlerType.PATCH, "/v1/settings"),
            new Route(HandlerType.GET, "/v1/exports"),
            new Route(HandlerType.POST, "/v1/exports"),
            new Route(HandlerType.GET, "/v1/exports/jobs"),
            new Route(HandlerType.GET, "/v1/exports/jobs/{id}"),
            new Route(HandlerType.GET, "/v1/exports/jobs/{id}/download"),
            new Route(HandlerType.GET, "/v1/exports/{format}"),
            new Route(HandlerType.GET, "/admin"),
            new Route(HandlerType.GET, "/admin/{page}"),
            new Route(HandlerType.GET, "/admin/assets/{file}"),
            new Route(HandlerType.POST, "/v1/admin/session"),
            new Route(HandlerType.GET, "/v1/admin/session"),
            new Route(HandlerType.DELETE, "/v1/admin/session"),
            new Route(HandlerType.GET, "/v1/admin/apps"),
            new Route(HandlerType.POST, "/v1/admin/apps"),
            new Route(HandlerType.PATCH, "/v1/admin/apps/{app}"),
            new Route(HandlerType.POST, "/v1/admin/apps/{app}/keys/{kind}/rotate"),
            new Route(HandlerType.POST, "/v1/admin/apps/{app}/keys/{kind}/revoke"),
            new Route(HandlerType.GET, "/v1/admin/overview"),
            new Route(HandlerType.GET, "/v1/admin/items"),
            new Route(HandlerType.GET, "/v1/admin/plugins"),
            new Route(HandlerType.GET, "/v1/admin/raters"));

    private final HostSettings settings;
    private final GroupCommitWriter writer;
    private final ExportService exports;
    private final BackgroundExports exportJobs;
    private final ScoreBoards boards;
    private final RewardEngine rewards;
    private final WebhookDispatcher webhooks;
    private final RankingService rankingService;
    private final QualityService qualityService;
    private final Leases leases;
    private final LiveHosts liveHosts;
    private final Javalin app;
    private boolean closed;

    public HttpApi(HostSettings settings, PluginRegistry registry, String hostVersion,
                   Consumer<JavalinConfig> extraRoutes) {
        this(settings, registry, hostVersion, extraRoutes, Clock.systemUTC());
    }

    /** @param clock the time the API goes by (votes' arrival, sessions' expiry, leases); tests move it */
    public HttpApi(HostSettings settings, PluginRegistry registry, String hostVersion,
                   Consumer<JavalinConfig> extraRoutes, Clock clock) {
        this.settings = settings;
        StorageBackend storage = registry.storage();
        AppDirectory apps = new AppDirectory(storage);
        this.leases = Leases.over(storage, settings.hostIdForRun(), clock);
        this.liveHosts = new LiveHosts(leases,
                PseudonymKey.fingerprint(settings.exportPseudonymKey(), settings.dataDir()));
        // Each host allows its share of the limits: N hosts behind an even load balancer allow them once.
        RateLimiter addressLimiter = new RateLimiter(settings.addressRequestsPerSecond(), settings.addressBurst(),
                liveHosts::share);
        AdminSessions adminSessions = new AdminSessions(apps::find,
                OperatorToken.resolve(settings.adminOperatorToken(), settings.dataDir()),
                Duration.ofMinutes(settings.adminSessionMinutes()), clock);
        KeyAuth auth = new KeyAuth(apps, new RateLimiter(settings.keyRequestsPerSecond(), settings.keyBurst(),
                liveHosts::share), adminSessions);
        Cors cors = new Cors(apps);
        // Back-pressure: a few full commits may wait; beyond that clients are told to retry.
        this.writer = new GroupCommitWriter(storage, settings.maxCommitVotes(),
                Math.max(settings.maxCommitVotes() * 4, settings.maxVotesPerBatch()));

        AppSettingsCache appSettings = new AppSettingsCache(storage, RewardPolicySpecs.of(registry.rewardPolicies()));
        // Before the boards: they tell it of every vote they count, from their first refresh on.
        this.rewards = new RewardEngine(storage, appSettings, registry.rewardPolicies(), settings.rewardsCacheEntries());
        VoteTimeline timeline = new VoteTimeline(clock);
        this.boards = new ScoreBoards(storage, appSettings, Duration.ofMillis(settings.scoresRefreshMillis()),
                VoteTaps.of(rewards, timeline));
        rewards.attach(boards);
        this.webhooks = new WebhookDispatcher(rewards.unavailable() == null ? new StorageLedgerFeed(storage, leases)
                : LedgerFeed.NONE, appId -> appSettings.of(appId).webhooks()
                .map(target -> new WebhookEndpoint(URI.create(target.url()), target.secret())), settings.webhooks(),
                leases.holder());
        rewards.onTiersReached(webhooks::poke);
        this.rankingService = new RankingService(boards);
        this.qualityService = new QualityService(boards, clock);
        WidgetBundle widget = WidgetBundle.bundled();
        HealthController health = new HealthController(registry, hostVersion, widget, qualityService, rewards,
                liveHosts);
        WidgetController widgetAssets = new WidgetController(widget);
        OpenApiController openApi = new OpenApiController();
        ItemsController items = new ItemsController(auth, new ItemParser(settings.maxItemsPerBatch()), storage, clock);
        DeckController deck = new DeckController(auth, new DeckService(storage, new Knowledge(boards), appSettings),
                settings.deckMaxLimit(), settings.publicUrl(), clock);
        VotesController votes = new VotesController(auth, new VoteParser(settings.maxVotesPerBatch()),
                new ItemLookup(storage), writer, storage, clock);
        AppDataController appData = new AppDataController(auth, storage, rewards, boards::votesRemoved);
        RewardsController rewardsApi = new RewardsController(auth, rewards, storage, appSettings, clock);
        WebhooksController webhooksApi = new WebhooksController(auth, storage, appSettings, webhooks);
        RankingsController rankings = new RankingsController(auth, rankingService, storage);
        QualityController quality = new QualityController(auth, qualityService);
        SettingsController settingsApi = new SettingsController(auth, storage, appSettings, rewards,
                settings.webhooksAllowPrivateAddresses());
        MediaController media = new MediaController(auth, MediaStore.open(settings), settings.publicUrl());
        this.exports = ExportService.open(settings, registry, hostVersion, qualityService, leases);
        this.exportJobs = new BackgroundExports(exports.exporter(), settings.exportsDir(),
                settings.exportConcurrentJobs(), settings.exportKeepJobs(), clock, leases);
        ExportsController exportsApi = new ExportsController(auth, registry, exports.exporter(), exportJobs,
                settings.exportMaxStreams(), settings.publicUrl());
        ProblemMapper problems = new ProblemMapper(settings.maxBodyBytes());
        AdminPagesController adminPages = new AdminPagesController("/admin");
        AdminSessionController adminSession = new AdminSessionController(auth, adminSessions, settings.trustProxy(),
                settings.publicUrl());
        AdminAppsController adminApps = new AdminAppsController(auth, storage, apps, clock);
        AdminOverviewController adminOverview = new AdminOverviewController(auth, storage, boards, timeline);
        AdminItemsController adminItems = new AdminItemsController(auth, storage, rankingService);
        AdminPluginsController adminPlugins = new AdminPluginsController(auth, registry, settings.storage());
        AdminRatersController adminRaters = new AdminRatersController(auth, qualityService);

        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Answers are small JSON; checking every response for compression costs ~7% of CPU at load.
            // Compress large exports and static files in a reverse proxy (see README).
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxBodyBytes();
            // On stop, Jetty stops accepting and waits for in-flight requests (the vote answers
            // completed by the group-commit drain) before closing connections.
            config.jetty.modifyServer(server -> {
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
            });
            config.jsonMapper(new JavalinGson(new GsonBuilder().disableHtmlEscaping().create(), false));

            config.routes.before("/v1/*", ctx -> {
                cors.decorate(ctx);
                RateLimiter.Decision decision = addressLimiter.tryAcquire(ClientAddress.of(ctx, settings.trustProxy()));
                if (!decision.allowed()) {
                    throw new ApiException.RateLimited("Too many requests from your address; retry after "
                            + decision.retryAfterSeconds() + " s.", decision.retryAfterSeconds());
                }
            });
            config.routes.options("/v1/*", cors::preflight);
            config.routes.get("/health", health::health);
            config.routes.get("/openapi.json", openApi::document);
            // Outside /v1/: no key, no CORS check, no rate limit; any page may load the widget and images.
            config.routes.get("/widget.js", widgetAssets::alias);
            config.routes.get("/widget.{hash}.js", widgetAssets::hashed);
            config.routes.get("/widget.d.ts", widgetAssets::declarations);
            config.routes.get("/media/{sha256}", media::serve);
            config.routes.head("/media/{sha256}", media::serve);
            config.routes.post("/v1/items", items::upsert);
            config.routes.post("/v1/media", media::upload);
            config.routes.get("/v1/deck", deck::deck);
            config.routes.post("/v1/votes", votes::submit);
            config.routes.get("/v1/votes", votes::list);
            config.routes.get("/v1/stats", appData::stats);
            config.routes.delete("/v1/raters/{rater}", appData::deleteRater);
            config.routes.get("/v1/raters/{rater}/quality", quality::rater);
            config.routes.get("/v1/raters/{rater}/progress", rewardsApi::progress);
            config.routes.get("/v1/raters/{rater}/profile", rewardsApi::profile);
            config.routes.put("/v1/raters/{rater}/profile", rewardsApi::saveProfile);
            config.routes.get("/v1/raters/{rater}/ledger", rewardsApi::ledger);
            config.routes.get("/v1/leaderboard", rewardsApi::leaderboard);
            config.routes.get("/v1/acknowledgements", rewardsApi::acknowledgements);
            config.routes.get("/v1/webhooks", webhooksApi::status);
            config.routes.post("/v1/webhooks/secret", webhooksApi::rotateSecret);
            config.routes.get("/v1/quality", quality::app);
            config.routes.get("/v1/rankings", rankings::rankings);
            config.routes.get("/v1/items/{id}/stats", rankings::itemStats);
            config.routes.get("/v1/settings", settingsApi::get);
            config.routes.patch("/v1/settings", settingsApi::patch);
            config.routes.get("/v1/exports", exportsApi::formats);
            config.routes.post("/v1/exports", exportsApi::submit);
            // Before /v1/exports/{format}, so that "jobs" is never taken for a format id.
            config.routes.get("/v1/exports/jobs", exportsApi::list);
            config.routes.get("/v1/exports/jobs/{id}", exportsApi::job);
            config.routes.get("/v1/exports/jobs/{id}/download", exportsApi::download);
            config.routes.get("/v1/exports/{format}", exportsApi::stream);
            config.routes.get("/admin", adminPages::index);
            config.routes.get("/admin/{page}", adminPages::page);
            config.routes.get("/admin/assets/{file}", adminPages::asset);
            config.routes.post("/v1/admin/session", adminSession::signIn);
            config.routes.get("/v1/admin/session", adminSession::current);
            config.routes.delete("/v1/admin/session", adminSession::signOut);
            config.routes.get("/v1/admin/apps", adminApps::list);
            config.routes.post("/v1/admin/apps", adminApps::create);
            config.routes.patch("/v1/admin/apps/{app}", adminApps::patch);
            config.routes.post("/v1/admin/apps/{app}/keys/{kind}/rotate", adminApps::rotate);
            config.routes.post("/v1/admin/apps/{app}/keys/{kind}/revoke", adminApps::revoke);
            config.routes.get("/v1/admin/overview", adminOverview::overview);
            config.routes.get("/v1/admin/items", adminItems::items);
            config.routes.get("/v1/admin/plugins", adminPlugins::plugins);
            config.routes.get("/v1/admin/raters", adminRaters::raters);
            problems.register(config.routes);
            if (extraRoutes != null) {
                extraRoutes.accept(config);
            }
        });
    }

    public HttpApi start() {
        app.start();
        LOG.debug("HTTP API listening on {}:{}", settings.bind(), app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * Stops taking votes, commits and answers every vote already queued, then stops Jetty.
     * Requests arriving meanwhile get 503 with Retry-After.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        app.stop();
        exportJobs.close();
        exports.close();
        rankingService.close();
        qualityService.close();
        boards.close();
        rewards.close();
        webhooks.close();
        liveHosts.close();
        leases.close();
    }
}
