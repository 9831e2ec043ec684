package dev.swipeloop.host.hosts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Leases in memory ({@link LocalLeases}) that can be made unreachable, as a database outage
 * would, or slow to take a lease (the time passes on the test's clock while it answers).
 */
final class FlakyLeaseStore implements LeaseStore {
    private final LocalLeases leases = new LocalLeases();
    private final FakeTime time;
    volatile boolean down;
    volatile Duration takesFor = Duration.ZERO;

    FlakyLeaseStore(FakeTime time) {
        this.time = time;
    }

    @Override
    public boolean tryLease(String appId, String name, String holder, Instant now, Instant until) {
        reach();
        time.advance(takesFor);
        return leases.tryLease(appId, name, holder, now, until);
    }

    @Override
    public void releaseLease(String appId, String name, String holder) {
        reach();
        leases.releaseLease(appId, name, holder);
    }

    @Override
    public Map<String, String> leases(String appId, String prefix, Instant now) {
        reach();
        return leases.leases(appId, prefix, now);
    }

    private void reach() {
        if (down) {
            throw new IllegalStateException("database unreachable");
        }
    }
}
