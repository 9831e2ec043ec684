package dev.swipeloop.plugins.postgres;

import static dev.swipeloop.sdk.storage.StorageFixtures.app;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several storage instances, each with its own pool, on one schema: what several hosts on one database do. */
class TwoHostsTest {
    private static final String APP = "shared-app";
    private final TestSchemas schemas = new TestSchemas("hosts");
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void cleanUp() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        schemas.dropAll();
    }

    @Test
    void aTailerSeesEveryVoteOnceInSeqOrderWhileTwoHostsAppendToOneApp() throws Exception {
        String schema = schemas.fresh();
        try (PostgresStorage hostA = TestSchemas.start(schema); PostgresStorage hostB = TestSchemas.start(schema);
             PostgresStorage tailer = TestSchemas.start(schema)) {
            hostA.createApp(app(APP));
            int writersPerHost = 3;
            int batches = 40;
            int batchSize = 20;
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Map<UUID, Long>>> writers = new ArrayList<>();
            for (PostgresStorage host : List.of(hostA, hostB)) {
                for (int w = 0; w < writersPerHost; w++) {
                    String rater = "rater-" + writers.size();
                    writers.add(threads.submit(() -> {
                        go.await();
                        Map<UUID, Long> stored = new HashMap<>();
                        for (int b = 0; b < batches; b++) {
                            List<Vote> batch = new ArrayList<>();
                            for (int i = 0; i < batchSize; i++) {
                                batch.add(binaryVote(APP, rater, "item-" + (b * batchSize + i) % 97));
                            }
                            AppendResult result = host.appendVotes(batch);
                            for (int i = 0; i < batch.size(); i++) {
                                stored.put(batch.get(i).id(), result.seq(i));
                            }
                        }
                        return stored;
                    }));
                }
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<List<Vote>> tail = threads.submit(tail(tailer, writing));
            go.countDown();

            Map<UUID, Long> appended = new HashMap<>();
            for (Future<Map<UUID, Long>> writer : writers) {
                appended.putAll(writer.get(2, TimeUnit.MINUTES));
            }
            writing.set(false);
            List<Vote> seen = tail.get(1, TimeUnit.MINUTES);

            assertEquals(2 * writersPerHost * batches * batchSize, appended.size());
            Map<UUID, Long> seenOnce = new HashMap<>();
            for (Vote vote : seen) {
                assertEquals(null, seenOnce.put(vote.id(), vote.seq()), "vote " + vote.id() + " was read twice");
            }
            Map<UUID, Long> missed = new HashMap<>(appended);
            missed.keySet().removeAll(seenOnce.keySet());
            assertEquals(Map.of(), missed, "votes (with their seqs) the tailer passed before they committed");
            assertEquals(appended, seenOnce, "every vote under the seq its append reported");
        }
    }

    /**
     * Follows the app's votes with small pages while writers run, checking each page comes
     * after the cursor; drains once more after the writers stopped.
     */
    private static Callable<List<Vote>> tail(StorageBackend storage, AtomicBoolean writing) {
        return () -> {
            List<Vote> seen = new ArrayList<>();
            long cursor = 0;
            boolean lastRound = false;
            while (true) {
                boolean finalDrain = lastRound;
                List<Vote> page = storage.votesAfter(APP, cursor, 7);
                for (Vote vote : page) {
                    assertTrue(vote.seq() > cursor, "seq " + vote.seq() + " after cursor " + cursor);
                    cursor = vote.seq();
                }
                seen.addAll(page);
                if (page.isEmpty()) {
                    if (finalDrain) {
                        return seen;
                    }
                    lastRound = !writing.get();
                    // caught up: give the writers (and this 2-core machine) a moment instead of spinning
                    Thread.sleep(1);
                }
            }
        };
    }

    @Test
    void theSameVotesSentToBothHostsAreStoredOnceAndCountedOnce() throws Exception {
        String schema = schemas.fresh();
        try (PostgresStorage hostA = TestSchemas.start(schema); PostgresStorage hostB = TestSchemas.start(schema)) {
            hostA.createApp(app(APP));
            hostA.upsertItems(items(APP, "item-", 10));
            List<List<Vote>> batches = new ArrayList<>();
            for (int b = 0; b < 30; b++) {
                List<Vote> batch = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    batch.add(binaryVote(APP, "rater-" + b, "item-" + i));
                }
                batches.add(batch);
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> senders = new ArrayList<>();
            for (PostgresStorage host : List.of(hostA, hostB)) {
                senders.add(threads.submit(() -> {
                    go.await();
                    int accepted = 0;
                    for (List<Vote> batch : batches) {
                        accepted += host.appendVotes(batch).accepted();
                    }
                    return accepted;
                }));
            }
            go.countDown();
            int accepted = 0;
            for (Future<Integer> sender : senders) {
                accepted += sender.get(1, TimeUnit.MINUTES);
            }

            assertEquals(300, accepted, "each vote was accepted by exactly one host");
            assertEquals(300, hostB.stats(APP).votes());
            Map<String, Long> expected = new HashMap<>();
            for (int i = 0; i < 10; i++) {
                expected.put("item-" + i, 30L);
            }
            assertEquals(expected, hostA.judgements(APP, expected.keySet()),
                    "a duplicate's judgement is not counted");
        }
    }

    @Test
    void hostsStartingAtOnceOnAnEmptySchemaMigrateItOnce() throws Exception {
        String schema = schemas.fresh();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PostgresStorage>> starts = new ArrayList<>();
        for (int host = 0; host < 4; host++) {
            starts.add(threads.submit(() -> {
                go.await();
                return TestSchemas.start(schema);
            }));
        }
        go.countDown();
        for (Future<PostgresStorage> start : starts) {
            start.get(1, TimeUnit.MINUTES).close();
        }
        try (Connection connection = TestSchemas.admin(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM " + schema + ".schema_version ORDER BY version")) {
            List<Integer> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
            assertEquals(IntStream.rangeClosed(1, SchemaMigrations.LATEST_VERSION).boxed().toList(), versions,
                    "one row per version: migrated once");
        }
    }
}
