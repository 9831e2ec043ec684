package dev.swipeloop.sdk.storage;

import static dev.swipeloop.sdk.storage.StorageAssertions.assertStrictlyIncreasing;
import static dev.swipeloop.sdk.storage.StorageAssertions.storedAs;
import static dev.swipeloop.sdk.storage.StorageFixtures.app;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.goldItem;
import static dev.swipeloop.sdk.storage.StorageFixtures.item;
import static dev.swipeloop.sdk.storage.StorageFixtures.items;
import static dev.swipeloop.sdk.storage.StorageFixtures.ledgerEntry;
import static dev.swipeloop.sdk.storage.StorageFixtures.mixedVotes;
import static dev.swipeloop.sdk.storage.StorageFixtures.pairVote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Rater;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link StorageBackend} passes (a TCK). A plugin's test extends this class
 * and implements {@link #open(Path)}; every test here then runs against that backend.
 *
 * <p>Each test starts with a fresh data directory holding two apps, {@link #APP} and
 * {@link #OTHER_APP}. Assertions go through {@link StorageBackend} alone and check what a user
 * of the product would notice: a lost or doubled vote, a card shown twice, a cursor that
 * skips a vote, one app seeing another's data. What exports need (batch look-ups, votes per
 * item, named cursors) is in {@link StorageExportContract}, which this class implements, so
 * its tests run here too; so are those of {@link StorageRankingContract} (gold decks, app
 * settings), {@link StorageRewardsContract} (ledger cursors, leaderboards, profiles),
 * {@link StorageCopyContract} (paging and restoring, for copying a database),
 * {@link StorageHostsContract} (erasure counts and leases, for several hosts on one database) and
 * {@link StorageAppsContract} (editing an app's origins and keys, for the dashboard).
 */
public abstract class StorageBackendContract implements StorageExportContract, StorageRankingContract,
        StorageRewardsContract, StorageCopyContract, StorageHostsContract, StorageAppsContract {
    protected static final String APP = "app-a";
    protected static final String OTHER_APP = "app-b";
    private static final int PAGE = StorageAssertions.PAGE;

    @TempDir
    Path dataDir;
    private StorageBackend storage;
    private App app;
    private App otherApp;

    /**
     * Starts a backend that keeps its data in {@code dataDir} (or, for a server database, in a
     * store that {@code dataDir} identifies). Called again with the same directory after
     * {@link StorageBackend#close()}, it must open the same data. The contract closes it.
     */
    protected abstract StorageBackend open(Path dataDir);

    @BeforeEach
    void openWithTwoApps() {
        storage = open(dataDir);
        app = app(APP);
        otherApp = app(OTHER_APP);
        storage.createApp(app);
        storage.createApp(otherApp);
    }

    @AfterEach
    void closeBackend() {
        if (storage != null) {
            storage.close();
        }
    }

    @Override
    public final StorageBackend storage() {
        return storage;
    }

    protected final Path dataDir() {
        return dataDir;
    }

    /** Closes the backend and opens the same data again, as a host restart does. */
    @Override
    public final StorageBackend reopen() {
        StorageBackend closing = storage;
        storage = null;
        closing.close();
        storage = open(dataDir);
        return storage;
    }

    // ---- apps and items ------------------------------------------------------------------

    @Test
    void createdAppsCanBeReadBack() {
        assertEquals(Optional.of(app), storage.app(APP));
        assertEquals(Set.of(app, otherApp), Set.copyOf(storage.apps()));
        assertEquals(Optional.empty(), storage.app("no-such-app"));
    }

    @Test
    void creatingAnExistingAppIsAConflictAndKeepsTheOriginal() {
        App impostor = new App(APP, "Impostor", List.of(), "pk_other", "00", "ss_other", app.createdAt());
        assertThrows(ConflictException.class, () -> storage.createApp(impostor));
        assertEquals(Optional.of(app), storage.app(APP));
        assertEquals(2, storage.apps().size());
    }

    @Test
    void upsertStoresEveryItemFieldAndReplacesByAppAndId() {
        Item full = item(APP, "fox");
        Item bare = goldItem(APP, "honeypot", Verdict.DISLIKE);
        assertEquals(2, storage.upsertItems(List.of(full, bare)));
        assertEquals(Optional.of(full), storage.item(APP, "fox"));
        assertEquals(Optional.of(bare), storage.item(APP, "honeypot"));

        Item replacement = item(APP, "fox");
        assertNotEquals(full, replacement);
        assertEquals(1, storage.upsertItems(List.of(replacement)));
        assertEquals(Optional.of(replacement), storage.item(APP, "fox"));
        assertEquals(2, storage.stats(APP).items());
        assertEquals(Optional.empty(), storage.item(APP, "no-such-item"));
    }

    // ---- appending votes -----------------------------------------------------------------

    @Test
    void aVoteIdSeenInAnEarlierCallIsReportedDuplicateAndStoredOnce() {
        Vote a = binaryVote(APP, "alice", "i1");
        Vote b = binaryVote(APP, "alice", "i2");
        Vote c = pairVote(APP, "alice", "i1", "i2", Choice.LEFT);
        AppendResult first = storage.appendVotes(List.of(a, b, c));
        assertEquals(3, first.accepted());
        assertStrictlyIncreasing(first.seqs());

        Vote d = binaryVote(APP, "alice", "i3");
        AppendResult second = storage.appendVotes(List.of(d, b, c));
        assertEquals(3, second.size());
        assertTrue(second.stored(0), "a new vote is stored");
        assertEquals(AppendResult.DUPLICATE, second.seq(1), "a retried vote is a duplicate");
        assertEquals(AppendResult.DUPLICATE, second.seq(2), "a retried vote is a duplicate");
        assertEquals(1, second.accepted());
        assertEquals(2, second.duplicates());
        assertTrue(second.seq(0) > first.seq(2), "a later commit gets a higher seq");

        assertEquals(List.of(a.withSeq(first.seq(0)), b.withSeq(first.seq(1)), c.withSeq(first.seq(2)),
                d.withSeq(second.seq(0))), allVotes(APP));
    }

    @Test
    void theSameIdTwiceInOneCallIsStoredOnceAsItFirstCame() {
        Vote original = binaryVote(APP, "alice", "i1");
        Vote copy = StorageFixtures.sameIdDifferentContent(original);
        Vote other = binaryVote(APP, "alice", "i2");
        AppendResult result = storage.appendVotes(List.of(original, copy, other));
        assertTrue(result.stored(0));
        assertEquals(AppendResult.DUPLICATE, result.seq(1));
        assertTrue(result.stored(2));
        assertEquals(List.of(original.withSeq(result.seq(0)), other.withSeq(result.seq(2))), allVotes(APP));
        assertEquals(2, storage.stats(APP).votes());
    }

    @Test
    void appendedVotesAreThereAfterAReopenWithTheSameSeqs() {
        List<Vote> expected = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            List<Vote> batch = mixedVotes(APP, 40, call);
            expected.addAll(storedAs(batch, storage.appendVotes(batch)));
        }
        reopen();
        assertEquals(expected, allVotes(APP));
        List<Vote> more = List.of(binaryVote(APP, "dora", "i1"));
        long seqAfterReopen = storage.appendVotes(more).seq(0);
        assertTrue(seqAfterReopen > expected.get(expected.size() - 1).seq(), "seqs keep increasing after a reopen");
    }

    @Test
    void concurrentAppendsStoreEveryIdExactlyOnce() throws Exception {
        int threads = 8;
        int perThread = 500;
        int batch = 50;
        List<Vote> shared = IntStream.range(0, 100).mapToObj(i -> binaryVote(APP, "shared", "s" + i)).toList();
        List<List<Vote>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Vote> own = new ArrayList<>();
            for (int i = 0; own.size() < perThread - shared.size(); i++) {
                own.add(i % 3 == 0 ? pairVote(APP, "rater" + t, "i" + i, "j" + i, Choice.TIE)
                        : binaryVote(APP, "rater" + t, "i" + i));
            }
            List<Vote> mine = new ArrayList<>(own);
            for (int i = 0; i < shared.size(); i++) {
                mine.add((i * 7 + t * 61) % mine.size(), shared.get((i + t * 13) % shared.size()));
            }
            work.add(mine);
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Map<UUID, Long>>> futures = new ArrayList<>();
        try {
            for (List<Vote> mine : work) {
                futures.add(pool.submit(() -> {
                    go.await();
                    Map<UUID, Long> storedHere = new HashMap<>();
                    for (int from = 0; from < mine.size(); from += batch) {
                        List<Vote> slice = mine.subList(from, Math.min(mine.size(), from + batch));
                        AppendResult result = storage.appendVotes(slice);
                        assertEquals(slice.size(), result.size());
                        for (int i = 0; i < slice.size(); i++) {
                            if (result.stored(i)) {
                                assertEquals(null, storedHere.put(slice.get(i).id(), result.seq(i)));
                            }
                        }
                    }
                    return storedHere;
                }));
            }
            go.countDown();
            Map<UUID, Long> storedAnywhere = new HashMap<>();
            for (Future<Map<UUID, Long>> future : futures) {
                for (Map.Entry<UUID, Long> e : future.get(2, TimeUnit.MINUTES).entrySet()) {
                    Long before = storedAnywhere.put(e.getKey(), e.getValue());
                    assertEquals(null, before, "vote " + e.getKey() + " was reported stored by two calls");
                }
            }
            int distinct = threads * (perThread - shared.size()) + shared.size();
            assertEquals(distinct, storedAnywhere.size(), "every id is reported stored by exactly one call");
            assertEquals(distinct, new HashSet<>(storedAnywhere.values()).size(), "seqs are unique");

            List<Vote> all = allVotes(APP);
            assertEquals(distinct, all.size(), "nothing lost, nothing doubled");
            for (Vote vote : all) {
                assertEquals(storedAnywhere.get(vote.id()), vote.seq(), "stored under the seq reported");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- reading votes back --------------------------------------------------------------

    @Test
    void theCursorReturnsEveryVoteOnceInSeqOrderWithEveryFieldIntact() {
        List<Vote> expected = new ArrayList<>();
        int[] batchSizes = {1, 57, 100, 99};
        for (int i = 0; i < batchSizes.length; i++) {
            List<Vote> mine = mixedVotes(APP, batchSizes[i], i);
            List<Vote> call = new ArrayList<>(mine);
            call.addAll(mixedVotes(OTHER_APP, 5, i));
            AppendResult result = storage.appendVotes(call);
            expected.addAll(storedAs(mine, result.slice(0, mine.size())));
        }
        List<Vote> paged = allVotes(APP);
        assertEquals(expected, paged);

        long last = paged.get(paged.size() - 1).seq();
        assertEquals(List.of(), storage.votesAfter(APP, last, PAGE));
        Vote middle = paged.get(100);
        assertEquals(paged.subList(101, 106), storage.votesAfter(APP, middle.seq(), 5));
    }

    @Test
    void seqsAreNeverReusedSoACursorSeesVotesAfterTheNewestWereDeleted() {
        storage.appendVotes(List.of(binaryVote(APP, "alice", "i1"), binaryVote(APP, "alice", "i2")));
        AppendResult newest = storage.appendVotes(List.of(binaryVote(APP, "bob", "i1"), binaryVote(APP, "bob", "i2")));
        long cursor = newest.seqs()[1];
        assertEquals(2, storage.deleteRater(APP, "bob"));
        reopen();

        Vote later = binaryVote(APP, "carol", "i1");
        long seq = storage.appendVotes(List.of(later)).seqs()[0];
        assertTrue(seq > cursor, "seq " + seq + " was given out before (up to " + cursor + ")");
        assertEquals(List.of(later.withSeq(seq)), storage.votesAfter(APP, cursor, PAGE));
    }

    // ---- the deck ------------------------------------------------------------------------

    @Test
    void theDeckNeverRepeatsAnItemTheRaterJudgedInBinaryMode() {
        storage.upsertItems(items(APP, "i", 6));
        storage.appendVotes(List.of(binaryVote(APP, "alice", "i0", Verdict.LIKE),
                binaryVote(APP, "alice", "i1", Verdict.SKIP)));

        assertEquals(Set.of("i2", "i3", "i4", "i5"), ids(storage.deck(APP, "alice", VoteKind.BINARY, 10)));
        assertEquals(6, storage.deck(APP, "bob", VoteKind.BINARY, 10).size(), "other raters still get them");
        assertEquals(6, storage.deck(APP, "alice", VoteKind.PAIR, 10).size(), "pair mode is separate");
    }

    @Test
    void theDeckNeverRepeatsAnItemTheRaterJudgedOnEitherSideOfAPair() {
        storage.upsertItems(items(APP, "i", 6));
        storage.appendVotes(List.of(pairVote(APP, "alice", "i0", "i1", Choice.LEFT),
                pairVote(APP, "alice", "i3", "i2", Choice.RIGHT)));

        assertEquals(Set.of("i4", "i5"), ids(storage.deck(APP, "alice", VoteKind.PAIR, 10)));
        assertEquals(6, storage.deck(APP, "bob", VoteKind.PAIR, 10).size(), "other raters still get them");
        assertEquals(6, storage.deck(APP, "alice", VoteKind.BINARY, 10).size(), "binary mode is separate");
    }

    @Test
    void theDeckOffersTheLeastJudgedItemsFirst() {
        List<Item> catalogue = items(APP, "i", 4);
        storage.upsertItems(catalogue);
        List<Vote> votes = new ArrayList<>();
        votes.add(binaryVote(APP, "r1", "i0"));
        votes.add(binaryVote(APP, "r2", "i0"));
        votes.add(binaryVote(APP, "r3", "i0"));
        votes.add(binaryVote(APP, "r1", "i2"));
        votes.add(binaryVote(APP, "r2", "i2"));
        votes.add(binaryVote(APP, "r1", "i3"));
        votes.add(pairVote(APP, "r1", "i1", "i3", Choice.LEFT));
        votes.add(pairVote(APP, "r2", "i3", "i2", Choice.TIE));
        storage.appendVotes(votes);

        List<Item> binary = storage.deck(APP, "newcomer", VoteKind.BINARY, 4);
        assertEquals(List.of("i1", "i3", "i2", "i0"), binary.stream().map(Item::id).toList());
        assertEquals(catalogue.get(1), binary.get(0), "deck items carry every field");
        assertEquals(List.of("i1", "i3"), storage.deck(APP, "newcomer", VoteKind.BINARY, 2).stream()
                .map(Item::id).toList());

        List<String> pair = storage.deck(APP, "newcomer", VoteKind.PAIR, 4).stream().map(Item::id).toList();
        assertEquals("i0", pair.get(0), "never judged in a pair");
        assertEquals(Set.of("i1", "i2"), Set.copyOf(pair.subList(1, 3)), "judged in one pair each");
        assertEquals("i3", pair.get(3), "judged twice, on both sides");
    }

    // ---- raters and stats ----------------------------------------------------------------

    @Test
    void deletingARaterRemovesTheirVotesAndLedgerAndNothingElse() {
        storage.upsertItems(items(APP, "i", 3));
        Vote alice1 = binaryVote(APP, "alice", "i0");
        Vote bob1 = binaryVote(APP, "bob", "i0");
        Vote alice2 = pairVote(APP, "alice", "i1", "i2", Choice.RIGHT);
        Vote bob2 = pairVote(APP, "bob", "i1", "i2", Choice.LEFT);
        Vote aliceElsewhere = binaryVote(OTHER_APP, "alice", "i0");
        AppendResult result = storage.appendVotes(List.of(alice1, bob1, alice2, bob2, aliceElsewhere));
        storage.appendLedger(List.of(ledgerEntry(APP, "alice", 5, alice1.id()), ledgerEntry(APP, "bob", 5, bob1.id()),
                ledgerEntry(OTHER_APP, "alice", 5, aliceElsewhere.id())));

        assertEquals(2, storage.deleteRater(APP, "alice"));

        assertEquals(List.of(bob1.withSeq(result.seq(1)), bob2.withSeq(result.seq(3))), allVotes(APP));
        assertEquals(Optional.empty(), storage.rater(APP, "alice"));
        assertEquals(List.of(), storage.ledger(APP, "alice"));
        assertEquals(1, storage.ledger(APP, "bob").size());
        assertEquals(2, storage.rater(APP, "bob").orElseThrow().votes());
        AppStats stats = storage.stats(APP);
        assertEquals(List.of(2L, 1L, 1L, 1L), List.of(stats.votes(), stats.binaryVotes(), stats.pairVotes(),
                stats.raters()));

        assertEquals(List.of(aliceElsewhere.withSeq(result.seq(4))), allVotes(OTHER_APP));
        assertEquals(1, storage.ledger(OTHER_APP, "alice").size());
        assertEquals(0, storage.deleteRater(APP, "nobody"));
    }

    @Test
    void statsAndRaterSummariesCountWhatIsStored() {
        assertEquals(new AppStats(0, 0, 0, 0, 0, 0), storage.stats(APP));
        storage.upsertItems(items(APP, "i", 3));
        Vote first = binaryVote(APP, "alice", "i0");
        Vote last = pairVote(APP, "alice", "i1", "i2", Choice.TIE);
        AppendResult result = storage.appendVotes(List.of(first, binaryVote(APP, "bob", "i0"),
                binaryVote(APP, "carol", "i1", Verdict.DISLIKE), last, binaryVote(OTHER_APP, "dave", "x")));

        assertEquals(new AppStats(3, 4, 3, 1, 3, result.seq(3)), storage.stats(APP));
        assertEquals(new AppStats(0, 1, 1, 0, 1, result.seq(4)), storage.stats(OTHER_APP));
        assertEquals(Optional.of(new Rater(APP, "alice", 2, first.receivedAt(), last.receivedAt())),
                storage.rater(APP, "alice"));
        assertEquals(Optional.empty(), storage.rater(APP, "dave"), "dave voted in the other app only");
    }

    // ---- app isolation -------------------------------------------------------------------

    @Test
    void theSameVoteIdInTwoAppsIsStoredInBoth() {
        Vote here = binaryVote(APP, "alice", "i0");
        Vote there = StorageFixtures.sameIdIn(OTHER_APP, here);
        AppendResult result = storage.appendVotes(List.of(here, there));
        assertEquals(0, result.duplicates());
        assertEquals(List.of(here.withSeq(result.seq(0))), allVotes(APP));
        assertEquals(List.of(there.withSeq(result.seq(1))), allVotes(OTHER_APP));
    }

    @Test
    void nothingOfOneAppIsVisibleThroughTheOther() {
        Item ours = item(APP, "shared-id");
        Item theirs = item(OTHER_APP, "shared-id");
        storage.upsertItems(List.of(ours, theirs, item(OTHER_APP, "only-theirs")));
        assertEquals(Optional.of(ours), storage.item(APP, "shared-id"));
        assertEquals(Optional.of(theirs), storage.item(OTHER_APP, "shared-id"));
        assertEquals(Optional.empty(), storage.item(APP, "only-theirs"));

        storage.appendVotes(List.of(binaryVote(APP, "alice", "shared-id")));
        storage.appendLedger(List.of(ledgerEntry(APP, "alice", 3, null)));
        assertEquals(List.of(ours.id()), storage.deck(APP, "bob", VoteKind.BINARY, 10).stream().map(Item::id)
                .toList());
        assertEquals(List.of(), storage.deck(APP, "alice", VoteKind.BINARY, 10));
        assertEquals(Set.of("shared-id", "only-theirs"), ids(storage.deck(OTHER_APP, "alice", VoteKind.BINARY, 10)),
                "alice judged the other app's item of the same id, not this one");

        assertEquals(List.of(), storage.votesAfter(OTHER_APP, 0, PAGE));
        assertEquals(Optional.empty(), storage.rater(OTHER_APP, "alice"));
        assertEquals(List.of(), storage.ledger(OTHER_APP, "alice"));
        assertEquals(new AppStats(2, 0, 0, 0, 0, 0), storage.stats(OTHER_APP));
        assertEquals(0, storage.deleteRater(OTHER_APP, "alice"));
        assertEquals(1, storage.votesAfter(APP, 0, PAGE).size());
    }

    // ---- ledger --------------------------------------------------------------------------

    @Test
    void theLedgerAssignsIncreasingSeqsAndListsARatersEntriesInOrder() {
        UUID vote = UuidV7.next();
        List<LedgerEntry> input = List.of(ledgerEntry(APP, "alice", 10, vote), ledgerEntry(APP, "bob", 1, null),
                ledgerEntry(APP, "alice", -3, null));
        List<LedgerEntry> first = storage.appendLedger(input);
        assertEquals(input.size(), first.size());
        long[] seqs = first.stream().mapToLong(LedgerEntry::seq).toArray();
        assertStrictlyIncreasing(seqs);
        for (int i = 0; i < input.size(); i++) {
            assertEquals(withSeq(input.get(i), seqs[i]), first.get(i), "returned as given, plus its seq");
        }
        List<LedgerEntry> second = storage.appendLedger(List.of(ledgerEntry(APP, "alice", 2, null)));
        assertTrue(second.get(0).seq() > seqs[2]);

        assertEquals(List.of(first.get(0), first.get(2), second.get(0)), storage.ledger(APP, "alice"));
        assertEquals(List.of(first.get(1)), storage.ledger(APP, "bob"));
        assertEquals(List.of(), storage.ledger(APP, "nobody"));
    }

    private static LedgerEntry withSeq(LedgerEntry e, long seq) {
        return new LedgerEntry(e.appId(), e.rater(), e.policy(), e.points(), e.reason(), e.voteId(), e.at(), seq);
    }

    private static Set<String> ids(List<Item> items) {
        return items.stream().map(Item::id).collect(Collectors.toSet());
    }

    private List<Vote> allVotes(String appId) {
        return StorageAssertions.allVotes(storage, appId);
    }
}
