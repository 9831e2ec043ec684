package dev.swipeloop.plugins.postgres;

import static dev.swipeloop.sdk.storage.StorageFixtures.app;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.item;
import static dev.swipeloop.sdk.storage.StorageFixtures.items;
import static dev.swipeloop.sdk.storage.StorageFixtures.ledgerEntry;
import static dev.swipeloop.sdk.storage.StorageFixtures.pairVote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.RaterProfile;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.StorageAssertions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Copying a database into this backend (paging out, restoring in) and the leases hosts share. */
class CopyAndLeaseTest {
    private static final String APP = "app-a";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private final TestSchemas schemas = new TestSchemas("copy");
    private String sourceSchema;
    private PostgresStorage source;
    private PostgresStorage target;

    @BeforeEach
    void twoSchemas() {
        sourceSchema = schemas.fresh();
        source = TestSchemas.start(sourceSchema);
        target = TestSchemas.start(schemas.fresh());
        source.createApp(app(APP));
        target.createApp(source.app(APP).orElseThrow());
    }

    @AfterEach
    void close() {
        source.close();
        target.close();
        schemas.dropAll();
    }

    @Test
    void restoredVotesKeepTheirSeqsCountAndLaterAppendsGoAboveThem() {
        target.upsertItems(items(APP, "i", 3));
        List<Vote> votes = List.of(binaryVote(APP, "ann", "i0"), pairVote(APP, "bob", "i1", "i2", Choice.LEFT));
        List<Vote> stored = StorageAssertions.storedAs(votes, source.appendVotes(votes));
        stored = List.of(stored.get(0).withSeq(1_000), stored.get(1).withSeq(1_007));

        target.restoreVotes(stored);

        assertEquals(stored, StorageAssertions.allVotes(target, APP));
        assertEquals(Map.of("i0", 1L, "i1", 1L, "i2", 1L), target.judgements(APP, List.of("i0", "i1", "i2")));
        long next = target.appendVotes(List.of(binaryVote(APP, "cy", "i0"))).seq(0);
        assertTrue(next > 1_007, "seq " + next);
    }

    @Test
    void aRestoreThatMeetsAStoredSeqOrIdWritesNothing() {
        Vote first = binaryVote(APP, "ann", "i0").withSeq(5);
        target.restoreVotes(List.of(first));
        Vote fresh = binaryVote(APP, "bob", "i1").withSeq(6);

        assertThrows(ConflictException.class, () -> target.restoreVotes(List.of(fresh, binaryVote(APP, "cy", "i2")
                .withSeq(5))), "seq 5 is taken");
        assertThrows(ConflictException.class, () -> target.restoreVotes(List.of(fresh, first.withSeq(7))),
                "the id is taken");
        assertEquals(List.of(first), StorageAssertions.allVotes(target, APP));
    }

    @Test
    void restoredLedgerEntriesKeepTheirSeqsAndLaterEntriesGoAboveThem() {
        List<LedgerEntry> entries = source.appendLedger(List.of(ledgerEntry(APP, "ann", 5, null),
                ledgerEntry(APP, "bob", 3, null)));
        List<LedgerEntry> moved = List.of(entries.get(0).withSeq(40), entries.get(1).withSeq(41));

        target.restoreLedger(moved);

        assertEquals(moved, target.ledgerAfter(APP, 0, 10));
        assertTrue(target.appendLedger(List.of(ledgerEntry(APP, "ann", 1, null))).get(0).seq() > 41);
        assertThrows(ConflictException.class, () -> target.restoreLedger(List.of(moved.get(0))));
    }

    @Test
    void itemsAndProfilesComeInByteOrderOfTheirIds() {
        List<Item> catalogue = new ArrayList<>(items(APP, "b", 3));
        catalogue.addAll(List.of(item(APP, "Zebra"), item(APP, "äpfel"), item(APP, "apple")));
        source.upsertItems(catalogue);
        List<String> paged = new ArrayList<>();
        for (List<Item> page = source.itemsAfter(APP, "", 2); !page.isEmpty();
             page = source.itemsAfter(APP, paged.get(paged.size() - 1), 2)) {
            page.forEach(item -> paged.add(item.id()));
        }
        assertEquals(List.of("Zebra", "apple", "b0", "b1", "b2", "äpfel"), paged, "UTF-8 byte order, not a locale's");

        for (String rater : List.of("ömer", "Bob", "ann")) {
            source.saveRaterProfile(new RaterProfile(APP, rater, rater, true, NOW));
        }
        assertEquals(List.of("Bob", "ann"), source.raterProfilesAfter(APP, "", 2).stream().map(RaterProfile::rater)
                .toList());
        assertEquals(List.of("ömer"), source.raterProfilesAfter(APP, "ann", 2).stream().map(RaterProfile::rater)
                .toList());
    }

    @Test
    void cursorsAreListedByName() {
        source.saveExportCursor(APP, "nightly", 12);
        source.saveExportCursor(APP, "hourly", 3);
        source.saveLedgerCursor(APP, "webhooks", 9);
        assertEquals(Map.of("nightly", 12L, "hourly", 3L), source.exportCursors(APP));
        assertEquals(Map.of("webhooks", 9L), source.ledgerCursors(APP));
        assertEquals(Map.of(), source.exportCursors("no-such-app"));
    }

    @Test
    void erasingARaterWithVotesCountsOnceMoreAndAcrossHosts() {
        assertEquals(0, source.erasures(APP));
        source.appendVotes(List.of(binaryVote(APP, "ann", "i0")));
        source.deleteRater(APP, "ann");
        source.deleteRater(APP, "nobody");
        assertEquals(1, source.erasures(APP), "only an erasure that removed votes counts");
        try (PostgresStorage otherHost = TestSchemas.start(sourceSchema)) {
            assertEquals(1, otherHost.erasures(APP), "another host sees it");
            assertEquals(0, otherHost.erasures("no-such-app"));
        }
    }

    @Test
    void aLeaseIsHeldByOneHostUntilItRunsOutOrIsReleased() {
        Instant later = NOW.plusSeconds(30);
        assertTrue(source.tryLease(APP, "export:nightly", "host-a", NOW, later));
        assertTrue(target.tryLease(APP, "export:nightly", "host-b", NOW, later), "another schema, another lease");
        assertFalse(source.tryLease(APP, "export:nightly", "host-b", NOW.plusSeconds(29), later.plusSeconds(30)));
        assertTrue(source.tryLease(APP, "export:nightly", "host-a", NOW.plusSeconds(10), later.plusSeconds(10)),
                "the holder renews");
        assertEquals(Map.of("export:nightly", "host-a"), source.leases(APP, "export:", NOW.plusSeconds(20)));
        assertTrue(source.tryLease(APP, "export:nightly", "host-b", later.plusSeconds(10), later.plusSeconds(60)),
                "a lease that ran out is anyone's");

        source.releaseLease(APP, "export:nightly", "host-a");
        assertEquals(Map.of("export:nightly", "host-b"), source.leases(APP, "export:", later.plusSeconds(11)),
                "only the holder releases it");
        source.releaseLease(APP, "export:nightly", "host-b");
        assertEquals(Map.of(), source.leases(APP, "export:", later.plusSeconds(11)));
        assertTrue(source.tryLease("", "jobs", "host-a", NOW, later), "app '' holds host-wide leases");
        assertEquals(Map.of(), source.leases(APP, "jobs", NOW));
    }

    @Test
    void takingALeaseDeletesThoseOfItsKindThatRanOutOverAnHourAgo() throws Exception {
        source.tryLease(APP, "host:dead", "host-dead", NOW, NOW.plusSeconds(30));
        source.tryLease(APP, "host:recent", "host-recent", NOW, NOW.plusSeconds(1_800));
        source.tryLease(APP, "export-job:7", "host-dead", NOW, NOW.plusSeconds(30));
        source.tryLease("", "host:dead", "host-dead", NOW, NOW.plusSeconds(30));

        assertTrue(source.tryLease(APP, "host:alive", "host-alive", NOW.plusSeconds(3_700), NOW.plusSeconds(3_730)));

        List<String> rows = new ArrayList<>();
        try (Connection connection = TestSchemas.admin(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT app_id || '/' || name FROM " + sourceSchema
                     + ".leases ORDER BY app_id, name")) {
            while (row.next()) {
                rows.add(row.getString(1));
            }
        }
        assertEquals(List.of("/host:dead", APP + "/export-job:7", APP + "/host:alive", APP + "/host:recent"), rows,
                "only the app's host: leases that ran out over an hour before are gone");
    }

    @Test
    void ofManyHostsAskingAtOnceOneGetsTheLease() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> asks = new ArrayList<>();
            for (int host = 0; host < 16; host++) {
                String holder = "host-" + host;
                PostgresStorage through = host % 2 == 0 ? source : target;
                asks.add(() -> through.tryLease(APP, "webhooks", holder, NOW, NOW.plusSeconds(30)));
            }
            int granted = 0;
            for (Future<Boolean> answer : threads.invokeAll(asks)) {
                granted += answer.get() ? 1 : 0;
            }
            assertEquals(2, granted, "one per schema");
        } finally {
            threads.shutdownNow();
        }
    }
}
