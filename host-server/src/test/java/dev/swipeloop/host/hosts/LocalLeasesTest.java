package dev.swipeloop.host.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalLeasesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final LocalLeases leases = new LocalLeases();

    @Test
    void aLeaseIsTheHoldersUntilItRunsOutOrIsReleased() {
        assertTrue(leases.tryLease("app", "webhooks", "a", NOW, NOW.plusSeconds(30)));
        assertFalse(leases.tryLease("app", "webhooks", "b", NOW.plusSeconds(29), NOW.plusSeconds(59)));
        assertTrue(leases.tryLease("app", "webhooks", "a", NOW.plusSeconds(10), NOW.plusSeconds(40)), "renewed");
        assertFalse(leases.tryLease("app", "webhooks", "b", NOW.plusSeconds(35), NOW.plusSeconds(65)));
        assertTrue(leases.tryLease("app", "webhooks", "b", NOW.plusSeconds(40), NOW.plusSeconds(70)), "ran out");

        leases.releaseLease("app", "webhooks", "a");
        assertEquals(Map.of("webhooks", "b"), leases.leases("app", "web", NOW.plusSeconds(41)), "not a's to release");
        leases.releaseLease("app", "webhooks", "b");
        assertTrue(leases.tryLease("app", "webhooks", "a", NOW.plusSeconds(41), NOW.plusSeconds(71)));
    }

    @Test
    void listsAnAppsLiveLeasesByPrefix() {
        leases.tryLease("app", "export-cursor:daily", "a", NOW, NOW.plusSeconds(30));
        leases.tryLease("app", "export-cursor:weekly", "b", NOW, NOW.plusSeconds(5));
        leases.tryLease("app", "export-job:exp_1", "a", NOW, NOW.plusSeconds(30));
        leases.tryLease("other", "export-cursor:daily", "c", NOW, NOW.plusSeconds(30));
        leases.tryLease("", "host:web-1", "web-1~00", NOW, NOW.plusSeconds(30));

        assertEquals(Map.of("export-cursor:daily", "a", "export-cursor:weekly", "b"),
                leases.leases("app", "export-cursor:", NOW));
        assertEquals(Map.of("export-cursor:daily", "a"), leases.leases("app", "export-cursor:", NOW.plusSeconds(5)));
        assertEquals(Map.of("host:web-1", "web-1~00"), leases.leases("", "host:", NOW));
    }
}
