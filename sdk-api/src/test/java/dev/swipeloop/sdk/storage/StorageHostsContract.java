package dev.swipeloop.sdk.storage;

import static dev.swipeloop.sdk.storage.StorageBackendContract.APP;
import static dev.swipeloop.sdk.storage.StorageBackendContract.OTHER_APP;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.ledgerEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.RaterProfile;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The part of the storage contract that several hosts on one database rely on: an erasure
 * count that tells a host its boards show an erased rater, and leases that let one host at a
 * time run what must not run twice. Times are passed in, so nothing here sleeps.
 * {@link StorageBackendContract} implements this interface, so every backend runs it.
 */
public interface StorageHostsContract {

    StorageBackend storage();

    StorageBackend reopen();

    // ---- erasures -------------------------------------------------------------------------------

    @Test
    default void erasuresCountDeletionsThatRemovedVotesPerApp() {
        StorageBackend storage = storage();
        assertEquals(0, storage.erasures(APP));
        storage.appendVotes(List.of(binaryVote(APP, "ann", "i0"), binaryVote(APP, "bob", "i0"),
                binaryVote(OTHER_APP, "ann", "i0")));
        storage.appendLedger(List.of(ledgerEntry(APP, "cy", 3, null)));
        storage.saveRaterProfile(new RaterProfile(APP, "cy", "Cy", true, StorageFixtures.instant()));

        storage.deleteRater(APP, "ann");
        assertEquals(1, storage.erasures(APP));
        assertEquals(0, storage.erasures(OTHER_APP), "the other app's ann is another rater");

        storage.deleteRater(APP, "nobody");
        storage.deleteRater(APP, "cy");
        assertEquals(1, storage.erasures(APP), "no votes removed, nothing any host shows changed");

        storage.deleteRater(APP, "bob");
        assertEquals(2, reopen().erasures(APP), "kept across a restart");
        assertEquals(0, storage().erasures("no-such-app"));
    }

    // ---- leases -----------------------------------------------------------------------------------

    @Test
    default void aLeaseIsHeldUntilItRunsOutAndRenewedOnlyByItsHolder() {
        StorageBackend storage = storage();
        assertTrue(storage.tryLease(APP, "export:nightly", "host-a", at(0), at(30)), "a free lease is taken");
        assertFalse(storage.tryLease(APP, "export:nightly", "host-b", at(10), at(40)), "held by host-a");
        assertTrue(storage.tryLease(APP, "export:nightly", "host-a", at(20), at(50)), "the holder renews");
        assertFalse(storage.tryLease(APP, "export:nightly", "host-b", at(40), at(70)), "renewed until 50");
        assertEquals(Map.of("export:nightly", "host-a"), storage.leases(APP, "export:", at(49)));

        assertTrue(storage.tryLease(APP, "export:nightly", "host-b", at(50), at(80)), "run out at 50: host-b takes it");
        assertFalse(storage.tryLease(APP, "export:nightly", "host-a", at(51), at(90)), "host-a lost it");
        assertEquals(Map.of("export:nightly", "host-b"), reopen().leases(APP, "export:", at(51)));
    }

    @Test
    default void onlyTheHolderReleasesALeaseAndThenAnotherTakesItAtOnce() {
        StorageBackend storage = storage();
        assertTrue(storage.tryLease(APP, "webhooks", "host-a", at(0), at(60)));

        storage.releaseLease(APP, "webhooks", "host-b");
        assertFalse(storage.tryLease(APP, "webhooks", "host-b", at(1), at(60)), "host-b cannot release host-a's lease");
        storage.releaseLease(APP, "webhooks", "host-a");
        assertEquals(Map.of(), storage.leases(APP, "", at(1)));
        assertTrue(storage.tryLease(APP, "webhooks", "host-b", at(1), at(60)), "free once its holder let go");
        storage.releaseLease(APP, "no-such-lease", "host-b");
    }

    @Test
    default void leasesAreListedByPrefixWhileLivePerAppAndHostWide() {
        StorageBackend storage = storage();
        storage.tryLease(APP, "export:a", "host-a", at(0), at(60));
        storage.tryLease(APP, "export:b", "host-b", at(0), at(60));
        storage.tryLease(APP, "export:old", "host-c", at(0), at(10));
        storage.tryLease(APP, "export_z", "host-c", at(0), at(60));
        storage.tryLease(APP, "webhooks", "host-a", at(0), at(60));
        storage.tryLease(OTHER_APP, "export:a", "host-z", at(0), at(60));
        assertTrue(storage.tryLease("", "export:a", "host-y", at(0), at(60)),
                "host-wide leases are apart from every app's, even under the same name");

        assertEquals(Map.of("export:a", "host-a", "export:b", "host-b"), storage.leases(APP, "export:", at(10)),
                "by prefix, taken literally, and only those that run beyond now");
        assertEquals(Map.of("export_z", "host-c"), storage.leases(APP, "export_", at(10)));
        assertEquals(Map.of("export:a", "host-a", "export:b", "host-b", "export_z", "host-c", "webhooks", "host-a"),
                storage.leases(APP, "", at(10)));
        assertEquals(Map.of("export:a", "host-z"), storage.leases(OTHER_APP, "", at(10)));
        assertEquals(Map.of("export:a", "host-y"), storage.leases("", "export", at(10)));
        assertEquals(Map.of(), storage.leases(APP, "", at(60)), "all run out at 60");
    }

    @Test
    default void ofTwoHostsAskingForOneLeaseAtOnceExactlyOneGetsIt() throws Exception {
        StorageBackend storage = storage();
        int rounds = 100;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService hosts = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Boolean>>> results = new ArrayList<>();
            for (String host : List.of("host-a", "host-b")) {
                results.add(hosts.submit(() -> {
                    List<Boolean> won = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        together.await(1, TimeUnit.MINUTES);
                        String lease = round % 2 == 0 ? "fresh-" + round : "stale";
                        // "stale" was last taken two rounds ago and has run out by now.
                        won.add(storage.tryLease(APP, lease, host, at(round), at(round + 2)));
                    }
                    return won;
                }));
            }
            List<Boolean> a = results.get(0).get(2, TimeUnit.MINUTES);
            List<Boolean> b = results.get(1).get(2, TimeUnit.MINUTES);
            for (int round = 0; round < rounds; round++) {
                assertTrue(a.get(round) ^ b.get(round), "round " + round + ": host-a " + a.get(round) + ", host-b "
                        + b.get(round));
            }
        } finally {
            hosts.shutdownNow();
        }
    }

    /** {@code seconds} after a fixed start, in whole microseconds like every instant a backend keeps. */
    private static Instant at(long seconds) {
        return Instant.parse("2026-03-02T10:00:00.000001Z").plus(seconds, ChronoUnit.SECONDS);
    }
}
