package dev.swipeloop.host.settings;

import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each app's settings for every deck and ranking request, cached briefly: an owner's change
 * made on another host (or by the CLI) takes effect here within the TTL (2 s), without a
 * database read per request. Settings in storage that no longer validate (written by a newer
 * host, or by hand) are logged and left out, so the app runs on the defaults for those keys
 * rather than failing requests.
 */
public final class AppSettingsCache {
    private static final Logger LOG = LoggerFactory.getLogger(AppSettingsCache.class);
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);

    private record Entry(AppSettings settings, long loadedAt) {
    }

    private final StorageBackend storage;
    private final RewardPolicySpecs policies;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> byApp = new ConcurrentHashMap<>();

    public AppSettingsCache(StorageBackend storage, RewardPolicySpecs policies, Duration ttl, LongSupplier nanoTime) {
        this.storage = storage;
        this.policies = policies;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    public AppSettingsCache(StorageBackend storage, RewardPolicySpecs policies) {
        this(storage, policies, DEFAULT_TTL, System::nanoTime);
    }

    /** The reward policies whose settings apps may choose. */
    public RewardPolicySpecs policies() {
        return policies;
    }

    public AppSettings of(String appId) {
        long now = nanoTime.getAsLong();
        Entry cached = byApp.get(appId);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.settings();
        }
        AppSettings loaded = load(appId);
        byApp.put(appId, new Entry(loaded, now));
        return loaded;
    }

    /** After this host changed the app's settings: the next request reads them again. */
    public void forget(String appId) {
        byApp.remove(appId);
    }

    private AppSettings load(String appId) {
        Map<String, String> stored = storage.appSettings(appId);
        Map<String, String> usable = policies.runnable(stored);
        if (!usable.equals(stored)) {
            LOG.warn("App {} names reward policies this host does not run (failed to start, or removed; see /health):"
                    + " its other policies pay meanwhile", appId);
        }
        try {
            return AppSettings.of(usable, policies);
        } catch (ConfigException e) {
            LOG.warn("Settings of app {} in storage are not valid ({}); those keys run on their defaults until they"
                    + " are fixed with PATCH /v1/settings", appId, e.getMessage());
            e.errors().forEach(error -> usable.remove(error.key()));
            try {
                return AppSettings.of(usable, policies);
            } catch (ConfigException stillBad) {
                return AppSettings.DEFAULTS;
            }
        }
    }
}
