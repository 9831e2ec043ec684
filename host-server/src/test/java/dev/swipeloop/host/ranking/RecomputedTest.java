package dev.swipeloop.host.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecomputedTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Object board = new Object();
    private final AtomicInteger computations = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Recomputed.Result<String> value(String value, long seq) {
        computations.incrementAndGet();
        return new Recomputed.Result<>(value, seq, false);
    }

    @Test
    void aResultIsKeptUntilNewerVotesAndComputedOnceForThem() {
        Recomputed<String> cache = new Recomputed<>(executor, Duration.ofSeconds(2));
        assertEquals("first", cache.get(board, 5, () -> value("first", 5)).value());
        assertEquals("first", cache.get(board, 5, () -> value("again", 5)).value());
        assertEquals("first", cache.get(board, 3, () -> value("older", 3)).value(), "a result covers earlier seqs");
        assertEquals(1, computations.get());
        Recomputed.Result<String> newer = cache.get(board, 9, () -> value("second", 9));
        assertEquals("second", newer.value());
        assertFalse(newer.stale());
    }

    @Test
    void aSlowComputationAnswersWithThePreviousResultMarkedStale() throws Exception {
        Recomputed<String> cache = new Recomputed<>(executor, Duration.ofMillis(50));
        cache.get(board, 1, () -> value("old", 1));
        CountDownLatch release = new CountDownLatch(1);
        Recomputed.Result<String> meanwhile = cache.get(board, 2, () -> {
            await(release);
            return value("new", 2);
        });
        assertEquals("old", meanwhile.value());
        assertTrue(meanwhile.stale());
        assertEquals(1, meanwhile.seq());
        release.countDown();
        executor.shutdown();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals("new", cache.get(board, 2, () -> value("never", 2)).value());
    }

    /** After an erasure the board is rebuilt: the old board's result, which counts erased votes, is never served. */
    @Test
    void aResultOfAReplacedBoardIsNeverServedEvenWithALowerSeq() {
        Recomputed<String> cache = new Recomputed<>(executor, Duration.ofMillis(1));
        cache.get(board, 10, () -> value("with erased votes", 10));
        Object rebuilt = new Object();
        Recomputed.Result<String> after = cache.get(rebuilt, 8, () -> {
            sleep(100);
            return value("without them", 8);
        });
        assertEquals("without them", after.value(), "waited for the rebuilt board's result, however slow");
        assertFalse(after.stale());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
