package dev.swipeloop.host;

import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.host.http.HttpApi;
import dev.swipeloop.host.plugin.LoadedPlugins;
import dev.swipeloop.host.plugin.PluginRegistry;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running host: plugins loaded and started, the HTTP API listening. {@link #close()} shuts
 * down in the order that keeps acknowledged votes safe: stop taking requests and drain the
 * commit queue (inside {@link HttpApi#close()}), then close the extensions, storage last.
 */
public final class SwipeloopHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SwipeloopHost.class);

    private final HostSettings settings;
    private final LoadedPlugins plugins;
    private final HttpApi http;

    private SwipeloopHost(HostSettings settings, LoadedPlugins plugins, HttpApi http) {
        this.settings = settings;
        this.plugins = plugins;
        this.http = http;
    }

    /**
     * Loads plugins and starts listening.
     *
     * @param extraRoutes pages the command adds (the demo page); may be a no-op
     * @throws StartupException with a one-line reason when the host cannot run
     */
    public static SwipeloopHost start(HostSettings settings, SettingSources sources,
                                      Consumer<JavalinConfig> extraRoutes) {
        return start(settings, sources, extraRoutes, Clock.systemUTC());
    }

    /** {@link #start(HostSettings, SettingSources, Consumer)} on a clock of the caller's (tests move it). */
    public static SwipeloopHost start(HostSettings settings, SettingSources sources,
                                      Consumer<JavalinConfig> extraRoutes, Clock clock) {
        createDataDir(settings.dataDir());
        String version = HostVersion.get();
        LoadedPlugins plugins = LoadedPlugins.load(pluginsDir(settings), settings.dataDir(), version,
                settings.storage(), sources);
        HttpApi http = null;
        try {
            http = new HttpApi(settings, plugins, version, extraRoutes, clock);
            http.start();
            SwipeloopHost host = new SwipeloopHost(settings, plugins, http);
            log.info("Swipeloop {} ready at {} (storage: {}, data: {})", version, host.url(), settings.storage(),
                    settings.dataDir());
            return host;
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            plugins.close();
            throw bindFailure(settings, e);
        }
    }

    /** A port in use is an operator's setting to fix, not a stack trace. */
    private static RuntimeException bindFailure(HostSettings settings, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException) {
                return new StartupException("cannot listen on " + settings.bind() + ":" + settings.port() + " ("
                        + cause.getMessage() + "); fix " + SettingSources.describe("port") + " or "
                        + SettingSources.describe("bind"), e);
            }
        }
        return e;
    }

    /** Where the distribution keeps its plugins unless {@code pluginsDir} says otherwise. */
    public static Path pluginsDir(HostSettings settings) {
        if (settings.pluginsDir() != null) {
            return settings.pluginsDir();
        }
        String home = System.getProperty("swipeloop.home");
        return (home == null ? Path.of("plugins") : Path.of(home, "plugins")).toAbsolutePath().normalize();
    }

    /** Creates the data directory if needed and checks it is writable. */
    public static void createDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StartupException("cannot create data directory " + dataDir + " (" + e.getMessage() + "); fix "
                    + SettingSources.describe("data"), e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new StartupException("data directory " + dataDir + " is not writable; fix " + SettingSources.describe("data"));
        }
    }

    public PluginRegistry plugins() {
        return plugins;
    }

    public int port() {
        return http.port();
    }

    /** The URL people reach the server at: {@code publicUrl}, else {@code http://localhost:<port>}. */
    public String url() {
        return settings.publicUrl() != null ? settings.publicUrl() : "http://localhost:" + port();
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            plugins.close();
        }
    }
}
