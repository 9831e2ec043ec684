package dev.swipeloop.host.hosts;

import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease a run of this host holds, renewed in the background until {@link #release}. Should a
 * renewal find another holder (this host was stalled past the lease), {@link #held} turns false
 * for good and the run must not make its result count (move a cursor, call a job done).
 */
public final class HeldLease {
    private static final Logger LOG = LoggerFactory.getLogger(HeldLease.class);

    private final Leases leases;
    private final String appId;
    private final String name;
    private final String holder;
    private volatile ScheduledFuture<?> renewal;
    private volatile boolean held = true;
    private volatile boolean released;

    HeldLease(Leases leases, String appId, String name, String holder) {
        this.leases = leases;
        this.appId = appId;
        this.name = name;
        this.holder = holder;
    }

    void renewing(ScheduledFuture<?> future) {
        this.renewal = future;
    }

    /** Whether the lease was never lost since it was taken. */
    public boolean held() {
        return held;
    }

    public String name() {
        return name;
    }

    /** A failure to reach storage is tried again next time; the lease lasts through two of them. */
    void renew() {
        if (released || !held) {
            return;
        }
        try {
            if (!leases.tryTake(appId, name, holder, Leases.RUN_TTL)) {
                held = false;
                renewal.cancel(false);
                LOG.warn("Lease {} of app {} was taken over by another host while {} ran", name, appId, holder);
            }
        } catch (RuntimeException e) {
            LOG.warn("Renewing lease {} of app {} failed ({}); trying again", name, appId, e.toString());
        }
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
