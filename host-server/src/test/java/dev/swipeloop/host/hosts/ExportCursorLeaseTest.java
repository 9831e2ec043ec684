package dev.swipeloop.host.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.export.ExportPlan;
import dev.swipeloop.host.export.Exporter;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Exporter#delivered} moves a named cursor only on a lease it confirms that moment. */
class ExportCursorLeaseTest {
    private final FakeTime time = new FakeTime();
    private final FlakyLeaseStore store = new FlakyLeaseStore(time);
    private final Leases leases = new Leases(store, "web-1", time, time::nanos);
    private final Map<String, Long> savedCursors = new ConcurrentHashMap<>();
    private final Exporter exporter = new Exporter(cursorsOnly(savedCursors), id -> Optional.empty(), java.util.List::of,
            id -> "1", new byte[32], null, null, null, "test", time, leases);

    @AfterEach
    void close() {
        leases.close();
    }

    @Test
    void movesTheCursorOnALeaseStillHeld() {
        HeldLease lease = leases.hold("app", "export-cursor:daily").orElseThrow();
        time.advance(Leases.FRESH.minusSeconds(1));
        exporter.delivered(plan(lease));
        assertEquals(Map.of("daily", 42L), savedCursors);
    }

    @Test
    void refusesToMoveTheCursorWhenTheLeaseLapsedMeanwhile() {
        HeldLease lease = leases.hold("app", "export-cursor:daily").orElseThrow();
        store.down = true;
        time.advance(Leases.FRESH);
        store.down = false;
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> exporter.delivered(plan(lease)));
        assertTrue(refused.getMessage().contains("'daily'"), refused.getMessage());
        assertEquals(Map.of(), savedCursors);
    }

    @Test
    void refusesToMoveTheCursorWhenTheLeaseCannotBeRenewedNow() {
        HeldLease lease = leases.hold("app", "export-cursor:daily").orElseThrow();
        store.down = true;
        assertThrows(IllegalStateException.class, () -> exporter.delivered(plan(lease)));
        assertEquals(Map.of(), savedCursors);
    }

    private static ExportPlan plan(HeldLease lease) {
        return new ExportPlan("app", null, "1", null, null, null, 0, 42, "daily", lease, null);
    }

    /** A storage whose only working method saves export cursors (into {@code saved}). */
    private static StorageBackend cursorsOnly(Map<String, Long> saved) {
        return (StorageBackend) Proxy.newProxyInstance(StorageBackend.class.getClassLoader(),
                new Class<?>[] {StorageBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("saveExportCursor")) {
                        saved.put((String) args[1], (Long) args[2]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
