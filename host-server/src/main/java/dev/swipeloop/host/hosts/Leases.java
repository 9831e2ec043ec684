package dev.swipeloop.host.hosts;

import dev.swipeloop.sdk.storage.StorageBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How hosts sharing one database agree that one of them runs a thing (an export cursor's run,
 * an app's webhook deliveries, a background export job) and count each other: leases in
 * storage, each taken for {@link #RUN_TTL} and renewed while the thing runs, so a host that
 * dies hands over once its leases run out. A backend that keeps no leases serves one host; the
 * leases then live in this process.
 */
public final class Leases implements AutoCloseable {
    /** How long a run's lease lasts without renewal: how long a dead host's work waits for another. */
    public static final Duration RUN_TTL = Duration.ofSeconds(30);
    /** Renewed this often, so two renewals may fail (a database blip) before the lease runs out. */
    static final Duration RUN_RENEW = RUN_TTL.dividedBy(3);
    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);

    private final LeaseStore store;
    private final String hostId;
    private final Clock clock;
    private final AtomicLong runs = new AtomicLong();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "swipeloop-leases");
        thread.setDaemon(true);
        return thread;
    });

    Leases(LeaseStore store, String hostId, Clock clock) {
        this.store = store;
        this.hostId = hostId;
        this.clock = clock;
    }

    /** The storage's leases, or ones in this process when it keeps none (asked once, here). */
    public static Leases over(StorageBackend storage, String hostId, Clock clock) {
        try {
            storage.leases("", LiveHosts.PREFIX, clock.instant());
        } catch (UnsupportedOperationException e) {
            LOG.info("Storage '{}' keeps no leases: this host assumes it is the only one on its database", storage.id());
            return new Leases(new LocalLeases(), hostId, clock);
        }
        return new Leases(new StorageLeaseStore(storage), hostId, clock);
    }

    /** This host's id ({@code host.id}). */
    public String hostId() {
        return hostId;
    }

    /**
     * Takes the lease for a run of this host (a holder no other run shares, not even on this
     * host) and renews it until {@link HeldLease#release}; empty when someone else has it.
     */
    public Optional<HeldLease> hold(String appId, String name) {
        String holder = hostId + "#" + runs.incrementAndGet();
        if (!tryTake(appId, name, holder, RUN_TTL)) {
            return Optional.empty();
        }
        HeldLease lease = new HeldLease(this, appId, name, holder);
        lease.renewing(every(RUN_RENEW, RUN_RENEW, lease::renew));
        return Optional.of(lease);
    }

    /** Runs {@code task} on the lease thread after {@code first}, then every {@code period}. */
    ScheduledFuture<?> every(Duration first, Duration period, Runnable task) {
        return renewer.scheduleWithFixedDelay(task, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes or renews the lease for {@code holder} until {@code ttl} from now: false while another holds it. */
    public boolean tryTake(String appId, String name, String holder, Duration ttl) {
        Instant now = clock.instant();
        return store.tryLease(appId, name, holder, now, now.plus(ttl));
    }

    public void release(String appId, String name, String holder) {
        store.releaseLease(appId, name, holder);
    }

    /** The app's live leases whose name starts with {@code prefix}: name to holder. */
    public Map<String, String> live(String appId, String prefix) {
        return store.leases(appId, prefix, clock.instant());
    }

    /** Stops renewing; leases still held run out by themselves. */
    @Override
    public void close() {
        renewer.shutdownNow();
    }

    /** The storage backend's leases. */
    private record StorageLeaseStore(StorageBackend storage) implements LeaseStore {
        @Override
        public boolean tryLease(String appId, String name, String holder, Instant now, Instant until) {
            return storage.tryLease(appId, name, holder, now, until);
        }

        @Override
        public void releaseLease(String appId, String name, String holder) {
            storage.releaseLease(appId, name, holder);
        }

        @Override
        public Map<String, String> leases(String appId, String prefix, Instant now) {
            return storage.leases(appId, prefix, now);
        }
    }
}
