package dev.swipeloop.host.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets by name (an API key, a client address): {@code ratePerSecond} tokens flow in,
 * at most {@code burst} are kept, each request takes one. The map is bounded: it evicts the
 * least recently used bucket beyond {@code maxEntries}, so a spray of addresses costs a fixed
 * amount of memory (an evicted client merely starts again with a full bucket, which is what
 * an idle one would have anyway).
 */
public final class RateLimiter {
    /** Outcome of one {@link #tryAcquire}: allowed, or the whole seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    private final double ratePerNano;
    private final double ratePerSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    public RateLimiter(int ratePerSecond, int burst, int maxEntries, LongSupplier nanoTime) {
        this.ratePerSecond = ratePerSecond;
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public RateLimiter(int ratePerSecond, int burst) {
        this(ratePerSecond, burst, 100_000, System::nanoTime);
    }

    public Decision tryAcquire(String name) {
        long now = nanoTime.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.get(name);
            if (bucket == null) {
                bucket = new Bucket(burst, now);
                buckets.put(name, bucket);
            } else {
                bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * ratePerNano);
                bucket.updatedAt = now;
            }
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Decision.ALLOWED;
            }
            double missing = 1 - bucket.tokens;
            return new Decision(false, Math.max(1, (long) Math.ceil(missing / ratePerSecond)));
        }
    }

    /** How many buckets are held now (for tests and metrics). */
    public int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}
