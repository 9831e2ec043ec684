package dev.swipeloop.host.hosts;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease a run of this host holds, renewed in the background until {@link #release}. The run
 * counts it as its own only while storage confirmed it less than {@link Leases#FRESH} ago: a
 * renewal that fails or comes late (a stalled host, a database that does not answer) makes
 * {@link #held} false before the lease can run out in storage and another host take it. Once
 * false it stays false: the run must not make its result count (move a cursor, call a job done).
 */
public final class HeldLease {
    private static final Logger LOG = LoggerFactory.getLogger(HeldLease.class);

    private final Leases leases;
    private final String appId;
    private final String name;
    private final String holder;
    /** When storage last confirmed the lease, in {@link Leases#nanos} terms: when that renewal was asked for. */
    private final AtomicLong confirmedAtNanos;
    private volatile ScheduledFuture<?> renewal;
    private volatile boolean lost;
    private volatile boolean released;

    HeldLease(Leases leases, String appId, String name, String holder, long takenAtNanos) {
        this.leases = leases;
        this.appId = appId;
        this.name = name;
        this.holder = holder;
        this.confirmedAtNanos = new AtomicLong(takenAtNanos);
    }

    void renewing(ScheduledFuture<?> future) {
        this.renewal = future;
    }

    /** Whether the lease is surely still this run's: never lost, and confirmed by storage recently enough. */
    public boolean held() {
        return !lost && !released && leases.nanos() - confirmedAtNanos.get() < Leases.FRESH.toNanos();
    }

    /**
     * Renews the lease now, on the caller's thread, and tells whether it is still this run's: call
     * it just before making the run's result count, so that a result never counts on a lease
     * that had lapsed.
     */
    public boolean confirm() {
        if (!held()) {
            lose("it had not been renewed for " + Leases.FRESH);
            return false;
        }
        long before = confirmedAtNanos.get();
        long askedAt = leases.nanos();
        try {
            if (!leases.tryTake(appId, name, holder, Leases.RUN_TTL)) {
                lose("another host took it over");
                return false;
            }
        } catch (RuntimeException e) {
            LOG.warn("Renewing lease {} of app {} failed ({}); trying again", name, appId, e.toString());
            return false;
        }
        // A renewal that landed after the lease had run out may follow another host's whole run.
        if (leases.nanos() - before >= Leases.RUN_TTL.toNanos()) {
            lose("its renewal came after it had run out");
            return false;
        }
        confirmedAtNanos.accumulateAndGet(askedAt, Math::max);
        return true;
    }

    /** The background renewal: a failure to reach storage is tried again next time. */
    void renew() {
        if (!released && !lost) {
            confirm();
        }
    }

    private void lose(String why) {
        if (lost || released) {
            return;
        }
        lost = true;
        ScheduledFuture<?> future = renewal;
        if (future != null) {
            future.cancel(false);
        }
        LOG.warn("Lease {} of app {} is no longer held by {}: {}", name, appId, holder, why);
    }

    /** Stops renewing and gives the lease up; twice is harmless. A failure leaves it to run out. */
    public void release() {
        if (released) {
            return;
        }
        released = true;
        ScheduledFuture<?> future = renewal;
        if (future != null) {
            future.cancel(false);
        }
        try {
            leases.release(appId, name, holder);
        } catch (RuntimeException e) {
            LOG.warn("Releasing lease {} of app {} failed ({}); it runs out in {}", name, appId, e.toString(),
                    Leases.RUN_TTL);
        }
    }
}
