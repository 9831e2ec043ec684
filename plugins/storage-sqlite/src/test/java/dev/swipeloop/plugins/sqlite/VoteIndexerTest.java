package dev.swipeloop.plugins.sqlite;

import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.items;
import static dev.swipeloop.sdk.storage.StorageFixtures.pairVote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.StorageFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background indexer: reads exact while it lags, deletion across folded and tail votes, resuming after a crash. */
class VoteIndexerTest {
    private static final String APP = "app";

    @TempDir
    Path dataDir;

    private Path file() {
        return dataDir.resolve("swipeloop.db");
    }

    private SqliteStorage start(VoteIndexer.Tuning tuning) {
        SqliteStorage storage = new SqliteStorage(tuning);
        storage.start(new TestPluginContext("storage-sqlite", dataDir, "sqlite"), storage.configSpec().parse(Map.of()));
        if (storage.app(APP).isEmpty()) {
            storage.createApp(StorageFixtures.app(APP));
        }
        return storage;
    }

    private static long last(AppendResult result) {
        return result.seqs()[result.size() - 1];
    }

    private static List<String> deck(SqliteStorage storage, String rater, VoteKind kind) {
        return storage.deck(APP, rater, kind, 10).stream().map(Item::id).toList();
    }

    @Test
    void theDeckIsExactRightAfterAnAppendWhileTheIndexerIsBehind() throws Exception {
        try (SqliteStorage storage = start(VoteIndexer.Tuning.DEFAULT)) {
            storage.indexer().pause();
            storage.upsertItems(items(APP, "i", 6));
            long folded = last(storage.appendVotes(List.of(binaryVote(APP, "alice", "i0"),
                    binaryVote(APP, "bob", "i0"), binaryVote(APP, "bob", "i1"))));
            storage.indexer().catchUp();
            storage.appendVotes(List.of(binaryVote(APP, "alice", "i1"), binaryVote(APP, "carol", "i2"),
                    pairVote(APP, "alice", "i3", "i4", Choice.LEFT)));
            assertEquals(folded, storage.indexer().indexedSeq(), "the last three votes are the unfolded tail");
            try (Connection connection = DerivedState.open(file())) {
                assertEquals(List.of(List.of("1")), DerivedState.rows(connection,
                        "SELECT binary_judged FROM items WHERE id = 'i1'", 0), "the stored count lags by the tail");
            }

            for (String state : List.of("with a tail", "fully folded")) {
                assertEquals(List.of("i3", "i4", "i5", "i2"), deck(storage, "alice", VoteKind.BINARY), state);
                assertEquals(List.of("i3", "i4", "i5", "i2", "i0", "i1"), deck(storage, "dora", VoteKind.BINARY),
                        state + ": least-judged first, tail votes included");
                assertEquals(List.of("i0", "i1", "i2", "i5"), deck(storage, "alice", VoteKind.PAIR), state);
                assertEquals(List.of("i0", "i1", "i2", "i5", "i3", "i4"), deck(storage, "dora", VoteKind.PAIR), state);
                assertEquals(3, storage.rater(APP, "alice").orElseThrow().votes(), state);
                assertEquals(1, storage.rater(APP, "carol").orElseThrow().votes(), state);
                storage.indexer().catchUp();
            }
            DerivedState.assertFullyFolded(file());
        }
    }

    @Test
    void deletingARaterWithFoldedAndTailVotesKeepsTheCountsRight() throws Exception {
        try (SqliteStorage storage = start(VoteIndexer.Tuning.DEFAULT)) {
            storage.indexer().pause();
            storage.upsertItems(items(APP, "i", 4));
            storage.appendVotes(List.of(binaryVote(APP, "alice", "i0"), pairVote(APP, "alice", "i1", "i2", Choice.TIE),
                    binaryVote(APP, "bob", "i0"), pairVote(APP, "bob", "i1", "i2", Choice.LEFT),
                    pairVote(APP, "alice", "i3", "i3", Choice.SKIP)));
            storage.indexer().catchUp();
            Vote bobsTail = binaryVote(APP, "bob", "i3");
            storage.appendVotes(List.of(binaryVote(APP, "alice", "i1"), pairVote(APP, "alice", "i2", "i3", Choice.RIGHT),
                    bobsTail));

            assertEquals(5, storage.deleteRater(APP, "alice"), "three folded votes and two in the tail");
            DerivedState.assertConsistent(file());
            assertEquals(Optional.empty(), storage.rater(APP, "alice"));
            assertEquals(3, storage.rater(APP, "bob").orElseThrow().votes());
            assertEquals(List.of("i1", "i2", "i0", "i3"), deck(storage, "dora", VoteKind.BINARY));
            assertEquals(List.of("i0", "i3", "i1", "i2"), deck(storage, "dora", VoteKind.PAIR));
            assertEquals(List.of("i1", "i2"), deck(storage, "bob", VoteKind.BINARY));

            storage.indexer().catchUp();
            DerivedState.assertFullyFolded(file());
            assertEquals(0, storage.deleteRater(APP, "alice"));
        }
    }

    @Test
    void afterACrashTheIndexerResumesFromItsMarkAndFoldsEachVoteOnce() throws Exception {
        VoteIndexer.Tuning smallChunks = new VoteIndexer.Tuning(100, 50, Duration.ofMillis(20),
                Duration.ofMillis(50), 16_384, Duration.ofSeconds(10));
        long lastSeq;
        try (SqliteStorage storage = start(smallChunks)) {
            storage.indexer().pause();
            storage.upsertItems(items(APP, "item", 12));
            storage.appendVotes(StorageFixtures.mixedVotes(APP, 300, 0));
            storage.indexer().catchUp();
            lastSeq = last(storage.appendVotes(StorageFixtures.mixedVotes(APP, 700, 1)));
            storage.indexer().crash();
        }
        assertEquals(300, DerivedState.indexedSeq(file()), "closed without folding the last 700");
        DerivedState.assertConsistent(file());

        try (SqliteStorage storage = start(smallChunks)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (storage.indexer().indexedSeq() < lastSeq && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(lastSeq, storage.indexer().indexedSeq(), "the thread caught up by itself");
            DerivedState.assertFullyFolded(file());
        }
    }

    /**
     * Appends from several threads while the indexer folds tiny chunks and another rater is
     * deleted again and again: after every append the deck is exactly the items the rater has
     * not judged, and at the end the derived state equals a recount.
     */
    @Test
    void underConcurrentAppendsAndDeletesTheDeckStaysExactAndTheCountsEqualARecount() throws Exception {
        VoteIndexer.Tuning tiny = new VoteIndexer.Tuning(16, 8, Duration.ofMillis(2), Duration.ofMillis(5), 16_384,
                Duration.ofSeconds(10));
        int itemCount = 15;
        List<String> catalogue = java.util.stream.IntStream.range(0, itemCount).mapToObj(i -> "i" + i).toList();
        try (SqliteStorage storage = start(tiny)) {
            storage.upsertItems(items(APP, "i", itemCount));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    String rater = "rater" + t;
                    java.util.Random random = new java.util.Random(t);
                    done.add(pool.submit(() -> {
                        java.util.Set<String> binary = new java.util.HashSet<>();
                        java.util.Set<String> pair = new java.util.HashSet<>();
                        for (int call = 0; call < 40; call++) {
                            List<Vote> votes = new java.util.ArrayList<>();
                            for (int v = 0; v < 3; v++) {
                                String left = "i" + random.nextInt(itemCount);
                                String right = random.nextInt(4) == 0 ? left : "i" + random.nextInt(itemCount);
                                votes.add(random.nextBoolean() ? binaryVote(APP, rater, left)
                                        : pairVote(APP, rater, left, right, Choice.TIE));
                                votes.add(binaryVote(APP, "crowd", "unknown-item"));
                            }
                            votes.add(votes.get(0));
                            storage.appendVotes(votes);
                            storage.appendVotes(votes.subList(0, 2));
                            for (Vote vote : votes) {
                                if (vote.rater().equals(rater)) {
                                    if (vote.judgement() instanceof dev.swipeloop.sdk.model.Judgement.Pair p) {
                                        pair.add(p.left());
                                        pair.add(p.right());
                                    } else {
                                        binary.add(((dev.swipeloop.sdk.model.Judgement.Binary) vote.judgement()).item());
                                    }
                                }
                            }
                            assertEquals(unjudged(catalogue, binary), java.util.Set.copyOf(
                                    storage.deck(APP, rater, VoteKind.BINARY, 100).stream().map(Item::id).toList()));
                            assertEquals(unjudged(catalogue, pair), java.util.Set.copyOf(
                                    storage.deck(APP, rater, VoteKind.PAIR, 100).stream().map(Item::id).toList()));
                        }
                        return null;
                    }));
                }
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 40; round++) {
                        storage.appendVotes(List.of(binaryVote(APP, "leaver", "i" + round % itemCount),
                                pairVote(APP, "leaver", "i1", "i2", Choice.LEFT)));
                        Thread.sleep(round % 3);
                        assertEquals(2, storage.deleteRater(APP, "leaver"));
                    }
                    return null;
                }));
                for (java.util.concurrent.Future<?> future : done) {
                    future.get(1, java.util.concurrent.TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            DerivedState.assertConsistent(file());
        }
        DerivedState.assertFullyFolded(file());
    }

    private static java.util.Set<String> unjudged(List<String> catalogue, java.util.Set<String> judged) {
        java.util.Set<String> left = new java.util.HashSet<>(catalogue);
        left.removeAll(judged);
        return left;
    }
}
