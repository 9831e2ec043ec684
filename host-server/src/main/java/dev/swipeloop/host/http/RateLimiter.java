package dev.swipeloop.host.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Token buckets by name (an API key, a client address): {@code ratePerSecond} tokens flow in,
 * at most {@code burst} are kept, each request takes one. Every request passes through here,
 * so there is no global lock: buckets live in a concurrent map and each is updated under its
 * own lock. The map is bounded: at {@code maxEntries} it drops the buckets that have refilled
 * (an idle client's full bucket is the same as none), then, if a spray of addresses still
 * fills it, arbitrary ones down to 90 % (those clients merely start again with a full bucket).
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

    private final int ratePerSecond;
    private final int burst;
    private final int maxEntries;
    private final IntSupplier hosts;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param hosts how many hosts share the limit (see {@link dev.swipeloop.host.hosts.LiveHosts}):
     *              each allows its share of the rate and burst, at least 1 token per second and a
     *              burst of 1, so that N hosts behind an even load balancer allow the limit, not N times it
     */
    public RateLimiter(int ratePerSecond, int burst, int maxEntries, IntSupplier hosts, LongSupplier nanoTime) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.maxEntries = maxEntries;
        this.hosts = hosts;
        this.nanoTime = nanoTime;
    }

    public RateLimiter(int ratePerSecond, int burst, IntSupplier hosts) {
        this(ratePerSecond, burst, 100_000, hosts, System::nanoTime);
    }

    public RateLimiter(int ratePerSecond, int burst) {
        this(ratePerSecond, burst, () -> 1);
    }

    public Decision tryAcquire(String name) {
        long now = nanoTime.getAsLong();
        int share = Math.max(1, hosts.getAsInt());
        double rate = Math.max(1.0, (double) ratePerSecond / share);
        double capacity = Math.max(1.0, (double) burst / share);
        Bucket bucket = buckets.get(name);
        if (bucket == null) {
            if (buckets.size() >= maxEntries) {
                evict(now, (long) Math.ceil(capacity / rate * 1e9));
            }
            bucket = buckets.computeIfAbsent(name, n -> new Bucket(capacity, now));
        }
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.updatedAt) * rate / 1e9);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Decision.ALLOWED;
            }
            double missing = 1 - bucket.tokens;
            return new Decision(false, Math.max(1, (long) Math.ceil(missing / rate)));
        }
    }

    /** Makes room for a tenth of the bound in one pass, so a spray pays one scan per many names. */
    private void evict(long now, long refillNanos) {
        buckets.values().removeIf(b -> {
            synchronized (b) {
                return now - b.updatedAt >= refillNanos;
            }
        });
        int target = maxEntries - Math.max(1, maxEntries / 10);
        var names = buckets.keySet().iterator();
        while (buckets.size() > target && names.hasNext()) {
            names.next();
            names.remove();
        }
    }

    /** How many buckets are held now (for tests and metrics). */
    public int size() {
        return buckets.size();
    }
}
