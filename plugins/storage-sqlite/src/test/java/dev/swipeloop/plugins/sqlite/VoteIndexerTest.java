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
}
