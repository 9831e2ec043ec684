package dev.swipeloop.host.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveHostsTest {
    private static final String KEY = "5f0c1e2d3a4b5c6d";
    private final FakeTime time = new FakeTime();
    private final FlakyLeaseStore store = new FlakyLeaseStore(time);
    private final Leases web1 = new Leases(store, "web-1", time, time::nanos);
    private final Leases web2 = new Leases(store, "web-2", time, time::nanos);

    @AfterEach
    void close() {
        web1.close();
        web2.close();
    }

    @Test
    void theShareIsTheNumberOfLiveHostsAndADeadHostDropsOutAfterItsLease() {
        LiveHosts one = new LiveHosts(web1, KEY);
        assertEquals(1, one.share());
        LiveHosts two = new LiveHosts(web2, KEY);
        one.renew();
        assertEquals(List.of("web-1", "web-2"), one.ids());
        assertEquals(2, one.share());
        assertEquals(2, two.share());

        // web-2 dies (no renewal, no release): it counts until its lease runs out.
        time.advance(LiveHosts.TTL.minusSeconds(1));
        one.renew();
        assertEquals(2, one.share());
        time.advance(LiveHosts.TTL);
        one.renew();
        assertEquals(List.of("web-1"), one.ids());
        one.close();
    }

    @Test
    void aHostThatStopsLeavesTheCountAtOnce() {
        LiveHosts one = new LiveHosts(web1, KEY);
        LiveHosts two = new LiveHosts(web2, KEY);
        two.close();
        one.renew();
        assertEquals(1, one.share());
        one.close();
    }

    @Test
    void aFailedCountKeepsTheLastOne() {
        LiveHosts one = new LiveHosts(web1, KEY);
        LiveHosts two = new LiveHosts(web2, KEY);
        one.renew();
        store.down = true;
        one.renew();
        assertEquals(2, one.share());
        store.down = false;
        one.close();
        two.close();
    }

    @Test
    void aSecondProcessWithTheSameHostIdIsToldItsIdIsInUse() {
        Leases sameId = new Leases(store, "web-1", time, time::nanos);
        LiveHosts one = new LiveHosts(web1, KEY);
        LiveHosts clash = new LiveHosts(sameId, KEY);
        assertFalse(one.idInUse());
        assertTrue(clash.idInUse());

        one.close();
        clash.renew();
        assertFalse(clash.idInUse(), "the other one stopped");
        clash.close();
        sameId.close();
    }

    @Test
    void hostsExportingWithDifferentPseudonymKeysSaySo() {
        Leases web3 = new Leases(store, "web-3", time, time::nanos);
        LiveHosts one = new LiveHosts(web1, KEY);
        LiveHosts sameKey = new LiveHosts(web2, KEY);
        one.renew();
        assertTrue(one.pseudonymKeysAgree());
        assertTrue(sameKey.pseudonymKeysAgree());

        LiveHosts otherKey = new LiveHosts(web3, "9a8b7c6d5e4f3a2b");
        one.renew();
        assertFalse(otherKey.pseudonymKeysAgree(), "it sees the key the others use");
        assertFalse(one.pseudonymKeysAgree());

        otherKey.close();
        one.renew();
        assertTrue(one.pseudonymKeysAgree(), "the odd one stopped");
        sameKey.close();
        one.renew();
        assertTrue(one.pseudonymKeysAgree(), "the key stays held while a host that uses it runs");
        one.close();
        web3.close();
    }
}
