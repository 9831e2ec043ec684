package dev.swipeloop.host.apps;

import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * App lookups for every request, cached briefly. Every API call needs its app (key check,
 * allowed origins); asking storage each time would double the database work of a vote. The
 * TTL is short (2 s) because apps change outside this process (the CLI, another host on the
 * same database): a new origin or a revoked app should take effect within seconds, not after
 * a restart. Misses are cached too, so a spray of made-up keys costs one lookup per id per TTL,
 * and the map is bounded (past its bound it starts empty again). Lock-free for readers: every
 * request passes through here. A change made through this host ({@link #changed}, e.g. a rotated
 * key) takes effect here at once; other hosts see it within the TTL.
 */
public final class AppDirectory {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);
    private static final int MAX_ENTRIES = 10_000;

    /** {@code generation}: how many changes this host had made when the entry was read or put. */
    private record Entry(Optional<App> app, long loadedAt, long generation) {
    }

    private final StorageBackend storage;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private volatile Set<String> allOrigins = Set.of();
    private volatile long allOriginsLoadedAt;
    private volatile boolean allOriginsLoaded;
    private final AtomicLong changes = new AtomicLong();

    public AppDirectory(StorageBackend storage, Duration ttl, LongSupplier nanoTime) {
        this.storage = storage;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    public AppDirectory(StorageBackend storage) {
        this(storage, DEFAULT_TTL, System::nanoTime);
    }

    public Optional<App> find(String appId) {
        long now = nanoTime.getAsLong();
        Entry cached = byId.get(appId);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.app();
        }
        long generation = changes.get();
        Optional<App> loaded = storage.app(appId);
        if (byId.size() >= MAX_ENTRIES) {
            byId.clear();
        }
        // A change made here while storage was being read is newer than what was read: it stays.
        return byId.merge(appId, new Entry(loaded, now, generation),
                (cachedNow, read) -> cachedNow.generation() > read.generation() ? cachedNow : read).app();
    }

    /**
     * The app was created or changed through this host (a key rotated or revoked, origins
     * edited): requests see it as it is now from the next one on, not after the TTL.
     */
    public void changed(App app) {
        byId.put(app.id(), new Entry(Optional.of(app), nanoTime.getAsLong(), changes.incrementAndGet()));
        allOriginsLoaded = false;
    }

    /**
     * Every app's allowed origins together: a CORS preflight carries no key, so without a
     * {@code ?key=} it can only be answered for the origins any app allows.
     */
    public Set<String> allOrigins() {
        long now = nanoTime.getAsLong();
        if (allOriginsLoaded && now - allOriginsLoadedAt < ttlNanos) {
            return allOrigins;
        }
        Set<String> union = new LinkedHashSet<>();
        for (App app : storage.apps()) {
            union.addAll(app.allowedOrigins());
        }
        allOrigins = Set.copyOf(union);
        allOriginsLoadedAt = now;
        allOriginsLoaded = true;
        return allOrigins;
    }
}
