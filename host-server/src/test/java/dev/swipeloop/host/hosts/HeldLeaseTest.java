package dev.swipeloop.host.hosts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeldLeaseTest {
    private final FakeTime time = new FakeTime();
    private final FlakyLeaseStore store = new FlakyLeaseStore(time);
    private final Leases leases = new Leases(store, "web-1", time, time::nanos);
    private final Leases otherHost = new Leases(store, "web-2", time, time::nanos);

    @AfterEach
    void close() {
        leases.close();
        otherHost.close();
    }

    @Test
    void renewalsThatFailMakeTheLeaseLapseBeforeItRunsOutInStorage() {
        HeldLease lease = leases.hold("app", "export-cursor:daily").orElseThrow();
        store.down = true;
        time.advance(Leases.RUN_RENEW);
        lease.renew();
        assertTrue(lease.held(), "one failed renewal, still well within the lease");
        time.advance(Leases.RUN_RENEW);
        lease.renew();
        time.advance(Leases.FRESH.minus(Leases.RUN_RENEW.multipliedBy(2)));
        assertFalse(lease.held(), "no renewal reached storage for " + Leases.FRESH);
        assertTrue(Leases.FRESH.compareTo(Leases.RUN_TTL) < 0, "lapses before another host can take it");

        store.down = false;
        lease.renew();
        assertFalse(lease.held(), "a lapsed lease is not taken back: another run may have come and gone");
        assertFalse(lease.confirm());
    }

    @Test
    void aLeaseAnotherHostTookIsLostForGood() {
        HeldLease lease = leases.hold("app", "webhooks-test").orElseThrow();
        store.down = true;
        time.advance(Leases.RUN_TTL);
        store.down = false;
        HeldLease theirs = otherHost.hold("app", "webhooks-test").orElseThrow();
        assertTrue(theirs.held());
        assertFalse(lease.held());
        assertFalse(lease.confirm());
        assertTrue(otherHost.live("app", "webhooks").get("webhooks-test").startsWith("web-2~"),
                "the failed confirmation took nothing back");
    }

    @Test
    void confirmRenewsAtOnceAndKeepsTheLeaseHeld() {
        HeldLease lease = leases.hold("app", "export-job:exp_1").orElseThrow();
        time.advance(Leases.FRESH.minusSeconds(1));
        assertTrue(lease.confirm());
        time.advance(Leases.FRESH.minusSeconds(1));
        assertTrue(lease.held(), "confirmed a moment ago");
        assertTrue(otherHost.hold("app", "export-job:exp_1").isEmpty(), "storage has it renewed");
    }

    @Test
    void confirmFailsWhileStorageCannotBeReachedWithoutLosingTheLease() {
        HeldLease lease = leases.hold("app", "export-job:exp_2").orElseThrow();
        store.down = true;
        assertFalse(lease.confirm());
        store.down = false;
        assertTrue(lease.confirm());
    }

    @Test
    void aRenewalThatLandsAfterTheLeaseRanOutDoesNotCount() {
        HeldLease lease = leases.hold("app", "export-cursor:daily").orElseThrow();
        time.advance(Leases.FRESH.minusSeconds(1));
        // Storage answers so late that the lease had run out meanwhile: another run may have held it.
        store.takesFor = Leases.RUN_TTL.minus(Leases.FRESH).plusSeconds(2);
        assertFalse(lease.confirm());
        assertFalse(lease.held());
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceAndNoLongerHeld() {
        HeldLease lease = leases.hold("app", "export-cursor:daily").orElseThrow();
        lease.release();
        lease.release();
        assertFalse(lease.held());
        assertTrue(otherHost.hold("app", "export-cursor:daily").isPresent());
    }
}
