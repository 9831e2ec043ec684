package dev.swipeloop.host.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeasesTest {
    private final FakeTime time = new FakeTime();
    private final FlakyLeaseStore store = new FlakyLeaseStore(time);
    private final Leases first = new Leases(store, "web-1", time, time::nanos);
    private final Leases sameIdElsewhere = new Leases(store, "web-1", time, time::nanos);

    @AfterEach
    void close() {
        first.close();
        sameIdElsewhere.close();
    }

    @Test
    void twoProcessesWithTheSameHostIdNeverShareALease() {
        assertNotEquals(first.holder(), sameIdElsewhere.holder());
        assertTrue(first.holder().startsWith("web-1~"), first.holder());
        assertTrue(first.hold("app", "export-cursor:daily").isPresent());
        assertTrue(sameIdElsewhere.hold("app", "export-cursor:daily").isEmpty());
        assertTrue(first.tryTake("app", "webhooks", first.holder(), Leases.RUN_TTL));
        assertFalse(sameIdElsewhere.tryTake("app", "webhooks", sameIdElsewhere.holder(), Leases.RUN_TTL));
    }

    @Test
    void eachRunOfOneProcessHasItsOwnHolder() {
        HeldLease run = first.hold("app", "export-cursor:daily").orElseThrow();
        assertTrue(first.hold("app", "export-cursor:daily").isEmpty(), "a second run of the same cursor");
        String holder = first.live("app", "export-cursor:").get("export-cursor:daily");
        assertTrue(holder.startsWith(first.holder() + "#"), holder);
        run.release();
        assertTrue(first.hold("app", "export-cursor:daily").isPresent());
    }

    @Test
    void leasesRunOutUnlessRenewed() {
        assertTrue(first.tryTake("", "host:web-1", first.holder(), LiveHosts.TTL));
        assertEquals(Map.of("host:web-1", first.holder()), first.live("", "host:"));
        time.advance(LiveHosts.TTL);
        assertEquals(Map.of(), first.live("", "host:"));
        assertTrue(sameIdElsewhere.tryTake("", "host:web-1", sameIdElsewhere.holder(), LiveHosts.TTL));
    }
}
