package dev.swipeloop.host.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.StorageException;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Rater;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.PluginContext;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How requests are grouped into commits and how results are sliced back. The backend here only
 * records appendVotes calls (and can be held or made to fail); it is not a database.
 */
class GroupCommitWriterTest {

    /** Records each appendVotes call; answers duplicates by id; the first call can be held. */
    private static final class RecordingBackend implements StorageBackend {
        final List<Integer> commitSizes = Collections.synchronizedList(new ArrayList<>());
        final Set<UUID> seen = Collections.synchronizedSet(new HashSet<>());
        final CountDownLatch firstCommitEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        volatile boolean fail;

        @Override
        public AppendResult appendVotes(List<Vote> votes) {
            commitSizes.add(votes.size());
            firstCommitEntered.countDown();
            try {
                releaseFirstCommit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fail) {
                throw new StorageException("disk full", true, null);
            }
            if (votes.stream().anyMatch(v -> v.rater().equals(POISON))) {
                throw new ArithmeticException("long overflow");
            }
            long[] seqs = new long[votes.size()];
            for (int i = 0; i < votes.size(); i++) {
                seqs[i] = seen.add(votes.get(i).id()) ? i + 1 : AppendResult.DUPLICATE;
            }
            return new AppendResult(seqs);
        }

        @Override
        public String id() {
            return "recording";
        }

        @Override
        public void start(PluginContext context, Config config) {
        }

        @Override
        public void createApp(App app) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<App> app(String appId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<App> apps() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int upsertItems(List<Item> items) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Item> item(String appId, String itemId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Vote> votesAfter(String appId, long afterSeq, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Item> deck(String appId, String rater, VoteKind kind, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AppStats stats(String appId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Rater> rater(String appId, String raterId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long deleteRater(String appId, String raterId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LedgerEntry> appendLedger(List<LedgerEntry> entries) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LedgerEntry> ledger(String appId, String raterId) {
            throw new UnsupportedOperationException();
        }
    }

    private static List<Vote> votes(int n) {
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            votes.add(vote(UUID.randomUUID()));
        }
        return votes;
    }

    private static final String POISON = "poison";

    private static Vote vote(UUID id) {
        return new Vote(id, "app", "r", null, new Judgement.Binary("a", Verdict.LIKE), null, null, 0, Instant.EPOCH);
    }

    @Test
    void requestsWaitingDuringACommitShareTheNextOneAndGetTheirOwnSlice() throws Exception {
        RecordingBackend backend = new RecordingBackend();
        try (GroupCommitWriter writer = new GroupCommitWriter(backend, 100, 1000)) {
            CompletableFuture<AppendResult> first = writer.submit(votes(1));
            assertTrue(backend.firstCommitEntered.await(5, TimeUnit.SECONDS));

            UUID repeated = UUID.randomUUID();
            CompletableFuture<AppendResult> a = writer.submit(votes(3));
            CompletableFuture<AppendResult> b = writer.submit(List.of(vote(repeated), vote(repeated)));
            CompletableFuture<AppendResult> c = writer.submit(votes(2));
            assertTrue(!a.isDone() && !b.isDone() && !c.isDone(), "nothing is answered before its commit");
            backend.releaseFirstCommit.countDown();

            assertEquals(1, first.get(5, TimeUnit.SECONDS).accepted());
            assertEquals(3, a.get(5, TimeUnit.SECONDS).accepted());
            AppendResult bResult = b.get(5, TimeUnit.SECONDS);
            assertEquals(1, bResult.accepted());
            assertEquals(1, bResult.duplicates());
            assertEquals(2, c.get(5, TimeUnit.SECONDS).size());
            assertEquals(List.of(1, 7), backend.commitSizes, "the three waiting requests made one commit");
        }
    }

    @Test
    void aGroupStopsAtMaxCommitVotes() throws Exception {
        RecordingBackend backend = new RecordingBackend();
        try (GroupCommitWriter writer = new GroupCommitWriter(backend, 5, 1000)) {
            CompletableFuture<AppendResult> first = writer.submit(votes(1));
            assertTrue(backend.firstCommitEntered.await(5, TimeUnit.SECONDS));
            List<CompletableFuture<AppendResult>> waiting = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                waiting.add(writer.submit(votes(2)));
            }
            CompletableFuture<AppendResult> big = writer.submit(votes(9));
            backend.releaseFirstCommit.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (CompletableFuture<AppendResult> f : waiting) {
                assertEquals(2, f.get(5, TimeUnit.SECONDS).accepted());
            }
            assertEquals(9, big.get(5, TimeUnit.SECONDS).accepted(), "a request over the cap commits alone, whole");
            assertEquals(List.of(1, 4, 4, 9), backend.commitSizes);
        }
    }

    @Test
    void aFailedCommitFailsEveryRequestOfItsGroup() throws Exception {
        RecordingBackend backend = new RecordingBackend();
        try (GroupCommitWriter writer = new GroupCommitWriter(backend, 100, 1000)) {
            CompletableFuture<AppendResult> first = writer.submit(votes(1));
            assertTrue(backend.firstCommitEntered.await(5, TimeUnit.SECONDS));
            CompletableFuture<AppendResult> a = writer.submit(votes(2));
            CompletableFuture<AppendResult> b = writer.submit(votes(2));
            backend.fail = true;
            backend.releaseFirstCommit.countDown();
            for (CompletableFuture<AppendResult> f : List.of(first, a, b)) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof StorageException, e.toString());
            }
            backend.fail = false;
            assertEquals(1, writer.submit(votes(1)).get(5, TimeUnit.SECONDS).accepted(), "the writer keeps going");
        }
    }

    @Test
    void aRequestTheStorageRefusesFailsAloneAndTheRestOfItsGroupIsStored() throws Exception {
        RecordingBackend backend = new RecordingBackend();
        try (GroupCommitWriter writer = new GroupCommitWriter(backend, 100, 1000)) {
            CompletableFuture<AppendResult> first = writer.submit(votes(1));
            assertTrue(backend.firstCommitEntered.await(5, TimeUnit.SECONDS));
            CompletableFuture<AppendResult> good = writer.submit(votes(2));
            CompletableFuture<AppendResult> bad = writer.submit(List.of(
                    new Vote(UUID.randomUUID(), "app", POISON, null, new Judgement.Binary("a", Verdict.LIKE), null, null, 0, Instant.EPOCH)));
            CompletableFuture<AppendResult> alsoGood = writer.submit(votes(3));
            backend.releaseFirstCommit.countDown();

            first.get(5, TimeUnit.SECONDS);
            assertEquals(2, good.get(5, TimeUnit.SECONDS).accepted(), "not failed by another request's votes");
            assertEquals(3, alsoGood.get(5, TimeUnit.SECONDS).accepted());
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ArithmeticException, e.toString());
            assertEquals(List.of(1, 6, 2, 1, 3), backend.commitSizes, "the failed group was retried request by request");
        }
    }

    @Test
    void closeCommitsAndAnswersEverythingQueuedThenRefusesNewVotes() throws Exception {
        RecordingBackend backend = new RecordingBackend();
        GroupCommitWriter writer = new GroupCommitWriter(backend, 100, 1000);
        CompletableFuture<AppendResult> first = writer.submit(votes(1));
        assertTrue(backend.firstCommitEntered.await(5, TimeUnit.SECONDS));
        List<CompletableFuture<AppendResult>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(writer.submit(votes(1)));
        }
        Thread closer = new Thread(writer::close);
        closer.start();
        Thread.sleep(50);
        backend.releaseFirstCommit.countDown();
        closer.join(5000);
        assertTrue(first.isDone());
        for (CompletableFuture<AppendResult> f : queued) {
            assertTrue(f.isDone() && !f.isCompletedExceptionally(), "queued votes are committed before close returns");
            assertEquals(1, f.get().accepted());
        }
        assertEquals(6, backend.seen.size());
        GroupCommitWriter.RejectedException refused = assertThrows(GroupCommitWriter.RejectedException.class,
                () -> writer.submit(votes(1)));
        assertTrue(refused.closing());
    }

    @Test
    void tooManyWaitingVotesAreRefusedInsteadOfQueued() throws Exception {
        RecordingBackend backend = new RecordingBackend();
        try (GroupCommitWriter writer = new GroupCommitWriter(backend, 100, 10)) {
            writer.submit(votes(1));
            assertTrue(backend.firstCommitEntered.await(5, TimeUnit.SECONDS));
            writer.submit(votes(8));
            GroupCommitWriter.RejectedException refused = assertThrows(GroupCommitWriter.RejectedException.class,
                    () -> writer.submit(votes(3)));
            assertTrue(!refused.closing());
            backend.releaseFirstCommit.countDown();
        }
    }
}
