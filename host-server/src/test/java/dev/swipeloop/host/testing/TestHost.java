package dev.swipeloop.host.testing;

import dev.swipeloop.host.SwipeloopHost;
import dev.swipeloop.host.apps.AppCreator;
import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.config.JavalinConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A real host in this JVM: the real plugin archives loaded by PF4J from a temp directory, SQLite
 * under a temp data directory, listening on a free port.
 */
public final class TestHost implements AutoCloseable {
    public static final String ORIGIN = "https://app.example";

    private final SwipeloopHost host;
    private final Http http;

    private TestHost(SwipeloopHost host) {
        this.host = host;
        this.http = new Http("http://127.0.0.1:" + host.port());
    }

    /** @param settings extra settings as flags would give them ({@code limits.maxVotesPerBatch} → "5") */
    public static TestHost start(Path dir, Map<String, String> settings) {
        return start(dir, settings, config -> { });
    }

    /** The same with pages a command adds, as {@code demo} adds the demo site. */
    public static TestHost start(Path dir, Map<String, String> settings, Consumer<JavalinConfig> extraRoutes) {
        return start(dir, settings, extraRoutes, Clock.systemUTC());
    }

    /** The same on a clock the test moves (sessions expiring, votes arriving in another hour). */
    public static TestHost start(Path dir, Map<String, String> settings, Clock clock) {
        return start(dir, settings, config -> { }, clock);
    }

    private static TestHost start(Path dir, Map<String, String> settings, Consumer<JavalinConfig> extraRoutes,
                                  Clock clock) {
        Map<String, String> flags = new HashMap<>();
        flags.put("port", "0");
        flags.put("bind", "127.0.0.1");
        flags.put("data", dir.resolve("data").toString());
        if (!settings.containsKey("pluginsDir")) {
            flags.put("pluginsDir", Dist.copyPlugins(dir.resolve("plugins")).toString());
        }
        // Tests send everything from one address; they test limits by lowering these explicitly.
        flags.put("limits.addressRequestsPerSecond", "100000");
        flags.put("limits.addressBurst", "100000");
        flags.putAll(settings);
        SettingSources sources = new SettingSources(Map.of(), Map.of(), flags);
        Map<String, String> hostKeys = new HashMap<>(flags);
        hostKeys.keySet().removeIf(k -> k.startsWith("plugin."));
        HostSettings hostSettings = HostSettings.from(HostSettings.SPEC.parse(hostKeys));
        return new TestHost(SwipeloopHost.start(hostSettings, sources, extraRoutes, clock));
    }

    public static TestHost start(Path dir) {
        return start(dir, Map.of());
    }

    public SwipeloopHost host() {
        return host;
    }

    public StorageBackend storage() {
        return host.plugins().storage();
    }

    public Http http() {
        return http;
    }

    public String url() {
        return http.base();
    }

    /** Creates an app straight in storage, as {@code apps create} does, allowed from {@link #ORIGIN}. */
    public TestApp createApp(String name) {
        AppCreator.CreatedApp created = new AppCreator(storage()).create(name, List.of(ORIGIN));
        return new TestApp(created.app().id(), created.publishableKey(), created.secretKey());
    }

    @Override
    public void close() {
        host.close();
    }

    /** An app's id and keys. */
    public record TestApp(String id, String publishableKey, String secretKey) {
    }
}
