package dev.swipeloop.plugins.postgres;

import static dev.swipeloop.sdk.storage.StorageFixtures.app;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.items;
import static dev.swipeloop.sdk.storage.StorageFixtures.pairVote;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.storage.StorageAssertions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Judged counts folded in the background: reads exact before and after a fold, and exact
 * counts however folds of several hosts, erasures and restores interleave. Counts are checked
 * against a GROUP BY over the votes themselves.
 */
class VoteFolderTest {
    private static final String APP = "folded";
    /** A folder that never runs on its own: the test folds by calling catchUp (and close). */
    private static final VoteFolder.Tuning BY_HAND = new VoteFolder.Tuning(50, Integer.MAX_VALUE, Duration.ofHours(1),
            Duration.ofSeconds(30));
    private final TestSchemas schemas = new TestSchemas("folds");
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void cleanUp() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        schemas.dropAll();
    }

    @Test
    void decksAndJudgementsAreExactBeforeAnyFoldAndAfterIt() throws Exception {
        String schema = schemas.fresh();
        try (PostgresStorage storage = TestSchemas.start(schema, BY_HAND)) {
            storage.createApp(app(APP));
            storage.upsertItems(items(APP, "i", 5));
            List<Vote> votes = new ArrayList<>();
            for (String item : List.of("i0", "i0", "i0", "i2", "i2", "i1")) {
                votes.add(binaryVote(APP, "rater-" + votes.size(), item));
            }
            votes.add(pairVote(APP, "ann", "i3", "i4", Choice.LEFT));
            votes.add(pairVote(APP, "bob", "i3", "i3", Choice.TIE));
            storage.appendVotes(votes);
            Map<String, Long> expected = Map.of("i0", 3L, "i1", 1L, "i2", 2L, "i3", 2L, "i4", 1L);

            assertEquals(Map.of(), countsTable(schema), "nothing folded yet");
            assertEquals(expected, storage.judgements(APP, expected.keySet()));
            assertEquals(List.of("i3", "i4", "i1", "i2", "i0"), ids(storage.deck(APP, "newcomer", VoteKind.BINARY, 5)));
            assertEquals(List.of("i0", "i1", "i2", "i4", "i3"), ids(storage.deck(APP, "newcomer", VoteKind.PAIR, 5)));

            assertEquals(votes.size(), storage.folder().catchUp(deadline()));

            assertEquals(countsFromVotes(schema), countsTable(schema));
            assertEquals(expected, storage.judgements(APP, expected.keySet()));
            assertEquals(List.of("i3", "i4", "i1", "i2", "i0"), ids(storage.deck(APP, "newcomer", VoteKind.BINARY, 5)));
            assertEquals(List.of("i0", "i1", "i2", "i4", "i3"), ids(storage.deck(APP, "newcomer", VoteKind.PAIR, 5)));
            assertEquals(0, storage.folder().catchUp(deadline()), "nothing left");
        }
    }

    @Test
    void twoHostsFoldingOneAppAtOnceCountEveryVoteOnce() throws Exception {
        String schema = schemas.fresh();
        try (PostgresStorage hostA = TestSchemas.start(schema, BY_HAND);
             PostgresStorage hostB = TestSchemas.start(schema, BY_HAND)) {
            hostA.createApp(app(APP));
            for (int batch = 0; batch < 40; batch++) {
                hostA.appendVotes(mixed(50, batch));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (PostgresStorage host : List.of(hostA, hostB)) {
                work.add(threads.submit(() -> {
                    go.await();
                    for (int batch = 0; batch < 30; batch++) {
                        host.appendVotes(mixed(40, batch));
                    }
                    return null;
                }));
                for (int folder = 0; folder < 2; folder++) {
                    work.add(threads.submit(() -> {
                        go.await();
                        for (int round = 0; round < 40; round++) {
                            host.folder().catchUp(deadline());
                        }
                        return null;
                    }));
                }
            }
            go.countDown();
            for (Future<?> future : work) {
                future.get(2, TimeUnit.MINUTES);
            }
            hostA.folder().catchUp(deadline());

            assertEquals(countsFromVotes(schema), countsTable(schema));
            assertEquals(lastSeq(schema), foldedSeq(schema));
        }
    }

    @Test
    void erasuresRacingFoldsLeaveExactCounts() throws Exception {
        String schema = schemas.fresh();
        try (PostgresStorage hostA = TestSchemas.start(schema, BY_HAND);
             PostgresStorage hostB = TestSchemas.start(schema, BY_HAND)) {
            hostA.createApp(app(APP));
            for (int batch = 0; batch < 20; batch++) {
                hostA.appendVotes(mixed(50, batch));
            }
            CountDownLatch go = new CountDownLatch(1);
            Future<?> folding = threads.submit(() -> {
                go.await();
                for (int round = 0; round < 60; round++) {
                    hostB.folder().catchUp(deadline());
                    hostB.appendVotes(mixed(20, round));
                }
                return null;
            });
            Future<?> erasing = threads.submit(() -> {
                go.await();
                for (int rater = 0; rater < 12; rater++) {
                    hostA.deleteRater(APP, "rater-" + rater);
                }
                return null;
            });
            go.countDown();
            folding.get(2, TimeUnit.MINUTES);
            erasing.get(2, TimeUnit.MINUTES);
            hostB.folder().catchUp(deadline());

            assertEquals(countsFromVotes(schema), countsTable(schema));
        }
    }

    @Test
    void erasingTheOnlyVotesOfAnItemRemovesItsCountRow() throws Exception {
        String schema = schemas.fresh();
        try (PostgresStorage storage = TestSchemas.start(schema, BY_HAND)) {
            storage.createApp(app(APP));
            storage.appendVotes(List.of(binaryVote(APP, "placeholder", "i0"), pairVote(APP, "placeholder", "i1", "i2",
                    Choice.LEFT), binaryVote(APP, "ann", "i1")));
            storage.folder().catchUp(deadline());

            assertEquals(2, storage.deleteRater(APP, "placeholder"));

            assertEquals(Map.of("i1", List.of(1L, 0L)), countsTable(schema), "no row left at zero for i0 and i2");
        }
    }

    @Test
    void closeFoldsWhatIsLeft() throws Exception {
        String schema = schemas.fresh();
        try (PostgresStorage storage = TestSchemas.start(schema, BY_HAND)) {
            storage.createApp(app(APP));
            storage.appendVotes(mixed(333, 0));
            assertEquals(Map.of(), countsTable(schema));
        }
        assertEquals(countsFromVotes(schema), countsTable(schema));
        assertEquals(lastSeq(schema), foldedSeq(schema));
    }

    @Test
    void appendsWakeTheFolder() throws Exception {
        String schema = schemas.fresh();
        VoteFolder.Tuning wakeAt100 = new VoteFolder.Tuning(200, 100, Duration.ofHours(1), Duration.ofSeconds(30));
        try (PostgresStorage storage = TestSchemas.start(schema, wakeAt100)) {
            storage.createApp(app(APP));
            storage.appendVotes(mixed(150, 0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (foldedSeq(schema) < lastSeq(schema) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(lastSeq(schema), foldedSeq(schema), "folded without a close or a period");
            assertEquals(countsFromVotes(schema), countsTable(schema));
        }
    }

    @Test
    void restoredVotesBelowTheFoldedSeqAreCountedAndTheOthersFolded() throws Exception {
        String schema = schemas.fresh();
        try (PostgresStorage storage = TestSchemas.start(schema, BY_HAND)) {
            storage.createApp(app(APP));
            List<Vote> late = new ArrayList<>();
            List<Vote> early = new ArrayList<>();
            List<Vote> votes = mixed(20, 0);
            for (int i = 0; i < votes.size(); i++) {
                (i < 10 ? early : late).add(votes.get(i).withSeq(i < 10 ? 100 + i : 200 + i));
            }
            storage.restoreVotes(late);
            storage.folder().catchUp(deadline());
            storage.restoreVotes(early);

            assertEquals(20, StorageAssertions.allVotes(storage, APP).size());
            assertEquals(countsFromVotes(schema), countsTable(schema),
                    "the early votes are counted at once, without a fold: the folds are past their seqs");
        }
    }

    @Test
    void votesOfAnAppNeverCreatedHereAreFoldedToo() throws Exception {
        String schema = schemas.fresh();
        try (PostgresStorage storage = TestSchemas.start(schema, BY_HAND)) {
            storage.appendVotes(List.of(binaryVote("never-created", "ann", "i0"), binaryVote("never-created", "bob", "i0")));

            assertEquals(2, storage.folder().catchUp(deadline()));

            assertEquals(Map.of("i0", List.of(2L, 0L)), countsTable(schema));
        }
    }

    private static List<Vote> mixed(int count, int salt) {
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String rater = "rater-" + (i * 7 + salt) % 15;
            int item = (i * 13 + salt * 3) % 23;
            votes.add(i % 3 == 0 ? pairVote(APP, rater, "i" + item, "i" + (i % 4 == 0 ? item : (item + 5) % 23),
                    Choice.LEFT) : binaryVote(APP, rater, "i" + item));
        }
        return votes;
    }

    private static long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    }

    private static List<String> ids(List<Item> deck) {
        return deck.stream().map(Item::id).toList();
    }

    /** (binary, pair) judgements per item from judged_counts. */
    private static Map<String, List<Long>> countsTable(String schema) throws SQLException {
        return counts("SELECT item, binary_judged, pair_judged FROM " + schema + ".judged_counts");
    }

    /** The same, counted from the votes: a pair counts for each side, once when both are one item. */
    private static Map<String, List<Long>> countsFromVotes(String schema) throws SQLException {
        return counts("SELECT item, sum(b), sum(p) FROM (SELECT item, (kind = 'binary')::int AS b,"
                + " (kind = 'pair')::int AS p FROM " + schema + ".votes UNION ALL SELECT right_item, 0, 1 FROM "
                + schema + ".votes WHERE kind = 'pair' AND right_item <> item) AS judged GROUP BY item");
    }

    private static Map<String, List<Long>> counts(String sql) throws SQLException {
        Map<String, List<Long>> counts = new TreeMap<>();
        try (Connection connection = TestSchemas.admin(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), List.of(rows.getLong(2), rows.getLong(3)));
            }
        }
        return counts;
    }

    private static long lastSeq(String schema) throws SQLException {
        return single("SELECT coalesce(max(seq), 0) FROM " + schema + ".votes");
    }

    private static long foldedSeq(String schema) throws SQLException {
        return single("SELECT coalesce(max(folded_seq), 0) FROM " + schema + ".vote_folds");
    }

    private static long single(String sql) throws SQLException {
        try (Connection connection = TestSchemas.admin(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
