package dev.swipeloop.plugins.postgres;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's daemon thread that folds committed votes into the judged counts ({@link VoteFolds}),
 * so that an append writes only {@code votes}. It wakes when this host's appends left
 * {@link Tuning#wakeBacklog} votes unfolded, and every {@link Tuning#period} in any case (votes
 * appended by another host, or left by one that stopped); then it folds every app that is
 * behind, {@link Tuning#chunkVotes} votes per transaction, until the app is caught up or another
 * host is folding it. A failed fold is logged and tried again a period later. {@link #close}
 * stops the thread and folds what is left for at most {@link Tuning#closeCatchUp}; whatever
 * remains is folded by the next host that runs.
 */
final class VoteFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoteFolder.class);

    /**
     * @param chunkVotes   most votes per fold transaction
     * @param wakeBacklog  votes this host appended since its last fold that wake the thread early
     * @param period       the longest the thread sleeps
     * @param closeCatchUp how long {@link #close} keeps folding
     */
    record Tuning(int chunkVotes, int wakeBacklog, Duration period, Duration closeCatchUp) {
        /** Folds start at {@code batchVotes} unfolded votes and take up to twice that when behind. */
        static Tuning forBatch(int batchVotes) {
            return new Tuning(2 * batchVotes, batchVotes, Duration.ofMillis(250), Duration.ofSeconds(10));
        }
    }

    private final VoteFolds folds;
    private final Tuning tuning;
    private final Thread thread;
    private final AtomicLong appendedSinceFold = new AtomicLong();
    private volatile boolean stopping;

    VoteFolder(VoteFolds folds, Tuning tuning) {
        this.folds = folds;
        this.tuning = tuning;
        this.thread = new Thread(this::run, "swipeloop-postgres-folder");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Called after this host committed {@code votes} new votes; wakes the thread if enough wait. */
    void appended(int votes) {
        if (appendedSinceFold.addAndGet(votes) >= tuning.wakeBacklog()) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Folds every app that is behind on the calling thread, until each is caught up or found
     * folded by another host, or {@code deadlineNanos} passes; returns the votes folded.
     */
    long catchUp(long deadlineNanos) {
        long total = 0;
        for (String appId : folds.appsBehind()) {
            int folded;
            do {
                folded = folds.foldNext(appId, tuning.chunkVotes());
                total += Math.max(folded, 0);
            } while (folded == tuning.chunkVotes() && System.nanoTime() - deadlineNanos < 0);
        }
        return total;
    }

    private void run() {
        long nextPeriod = System.nanoTime() + tuning.period().toNanos();
        while (!stopping) {
            try {
                long now = System.nanoTime();
                if (now - nextPeriod >= 0 || appendedSinceFold.get() >= tuning.wakeBacklog()) {
                    nextPeriod = now + tuning.period().toNanos();
                    appendedSinceFold.set(0);
                    catchUp(nextPeriod);
                }
                LockSupport.parkNanos(this, Math.max(0, nextPeriod - System.nanoTime()));
            } catch (RuntimeException e) {
                if (stopping) {
                    break;
                }
                LOG.warn("PostgreSQL vote folder: {}; retrying in {} ms", e.getMessage(), tuning.period().toMillis());
                LockSupport.parkNanos(this, tuning.period().toNanos());
            }
        }
    }

    /** Stops the thread, then folds what is left for at most {@link Tuning#closeCatchUp}. Idempotent. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            catchUp(System.nanoTime() + tuning.closeCatchUp().toNanos());
        } catch (RuntimeException e) {
            LOG.warn("PostgreSQL vote folder could not catch up before closing ({}); another host or the next start"
                    + " folds the rest", e.getMessage());
        }
    }
}
