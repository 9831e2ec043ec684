package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds committed votes into the derived state (see {@link RaterIndexSql}) on one daemon
 * thread, so that an append writes only {@code votes}. Each fold is one short write
 * transaction on the shared writer: up to {@link Tuning#chunkVotes} votes in seq order go into
 * {@code rater_votes} in key order, their judged counts are added per item, and
 * {@code vote_index.indexed_seq} moves to the last of them. The writer's fair lock makes folds
 * and appends take turns, so a fold delays at most the one append that arrives during it.
 *
 * <p>The thread folds when its appends left {@link Tuning#wakeBacklog} votes unfolded, and
 * every {@link Tuning#period} in any case (votes appended by another process); between folds
 * it checkpoints the WAL (the writer never does: {@link SqliteDatabase#checkpoint}).
 *
 * <p>The state is derived: after a crash the thread resumes from {@code indexed_seq}, and
 * since a fold commits its rows together with the mark, no vote is folded twice or skipped.
 * {@link #close} stops the thread and folds what is left, for at most
 * {@link Tuning#closeCatchUp}; whatever remains is folded after the next start.
 */
final class VoteIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoteIndexer.class);

    /**
     * @param chunkVotes    most votes per fold transaction
     * @param wakeBacklog   unfolded votes that wake the thread before its period is up
     * @param period        the longest the thread sleeps
     * @param checkpointEvery    how often the WAL is checkpointed while votes come in
     * @param restartAboveFrames a WAL longer than this is checkpointed with RESTART
     * @param closeCatchUp  how long {@link #close} keeps folding
     */
    record Tuning(int chunkVotes, int wakeBacklog, Duration period, Duration checkpointEvery,
                  long restartAboveFrames, Duration closeCatchUp) {
        static final Tuning DEFAULT = forBatch(SqliteSettings.DEFAULT_INDEX_BATCH_VOTES);

        /** Folds start at {@code batchVotes} unfolded votes and take up to twice that when behind. */
        static Tuning forBatch(int batchVotes) {
            return new Tuning(2 * batchVotes, batchVotes, Duration.ofMillis(200), Duration.ofMillis(250), 16_384,
                    Duration.ofSeconds(10));
        }
    }

    private final SqliteDatabase database;
    private final Tuning tuning;
    private final Thread thread;
    /** Held by a fold from start to commit; {@link #pause} takes it so no fold is half done. */
    private final Object folding = new Object();
    private final AtomicLong appendedSeq = new AtomicLong();
    private volatile long indexedSeq;
    private volatile boolean paused;
    private volatile boolean stopping;
    private volatile boolean crashed;

    VoteIndexer(SqliteDatabase database, Tuning tuning) {
        this.database = database;
        this.tuning = tuning;
        this.thread = new Thread(this::run, "swipeloop-sqlite-indexer");
        this.thread.setDaemon(true);
    }

    /** Reads the high-water mark and starts the thread; logs how far behind it starts. */
    void start() {
        long[] marks = database.write("read the indexer's progress",
                connection -> new long[] {indexedSeq(connection), lastVoteSeq(connection)});
        indexedSeq = marks[0];
        appendedSeq.set(marks[1]);
        if (marks[1] > marks[0]) {
            LOG.info("SQLite indexer resumes after seq {}; votes up to seq {} are still to be folded",
                    marks[0], marks[1]);
        }
        thread.start();
    }

    /** Called after a commit that reserved seqs up to {@code lastSeq}; wakes the thread if enough waits. */
    void appended(long lastSeq) {
        long appended = appendedSeq.accumulateAndGet(lastSeq, Math::max);
        if (appended - indexedSeq >= tuning.wakeBacklog() && !paused) {
            LockSupport.unpark(thread);
        }
    }

    long indexedSeq() {
        return indexedSeq;
    }

    /** Tests: the thread folds nothing until {@link #resume}; returns once no fold is running. */
    void pause() {
        synchronized (folding) {
            paused = true;
        }
    }

    void resume() {
        paused = false;
        LockSupport.unpark(thread);
    }

    /** Folds everything committed so far on the calling thread, paused or not; returns how many votes. */
    long catchUp() {
        long total = 0;
        int folded;
        do {
            folded = fold(true);
            total += folded;
        } while (folded == tuning.chunkVotes());
        return total;
    }

    private void run() {
        long nextPeriod = System.nanoTime() + tuning.period().toNanos();
        long nextCheckpoint = System.nanoTime() + tuning.checkpointEvery().toNanos();
        long[] checkpointedAt = {-1, -1};
        while (!stopping) {
            try {
                long now = System.nanoTime();
                boolean due = now - nextPeriod >= 0;
                if (!paused && (due || appendedSeq.get() - indexedSeq >= tuning.wakeBacklog())) {
                    if (due) {
                        nextPeriod = now + tuning.period().toNanos();
                    }
                    if (fold(false) == tuning.chunkVotes()) {
                        continue;
                    }
                }
                if (System.nanoTime() - nextCheckpoint >= 0) {
                    nextCheckpoint = System.nanoTime() + tuning.checkpointEvery().toNanos();
                    long[] marks = {appendedSeq.get(), indexedSeq};
                    if (marks[0] != checkpointedAt[0] || marks[1] != checkpointedAt[1]) {
                        database.checkpoint(tuning.restartAboveFrames());
                        checkpointedAt = marks;
                    }
                }
                LockSupport.parkNanos(this, Math.max(0, Math.min(nextPeriod, nextCheckpoint) - System.nanoTime()));
            } catch (RuntimeException e) {
                if (stopping) {
                    break;
                }
                LOG.warn("SQLite indexer: {}; retrying in {} ms", e, tuning.period().toMillis());
                LockSupport.parkNanos(this, tuning.period().toNanos());
            }
        }
    }

    /** One fold transaction; returns how many votes it folded. */
    private int fold(boolean evenIfPaused) {
        synchronized (folding) {
            if (paused && !evenIfPaused) {
                return 0;
            }
            long[] folded = database.write("fold votes into the rater index", this::foldChunk);
            indexedSeq = folded[0];
            return (int) folded[1];
        }
    }

    /** Returns the new high-water mark and the number of votes folded. */
    private long[] foldChunk(Connection connection) throws SQLException {
        long from = indexedSeq(connection);
        long to;
        try (PreparedStatement end = connection.prepareStatement(RaterIndexSql.CHUNK_END)) {
            end.setLong(1, from);
            end.setInt(2, tuning.chunkVotes());
            try (ResultSet row = end.executeQuery()) {
                row.next();
                to = row.getLong(1);
                if (row.wasNull()) {
                    return new long[] {from, 0};
                }
            }
        }
        int folded = rangeUpdate(connection, RaterIndexSql.FOLD_RATER_VOTES, from, to);
        rangeUpdate(connection, RaterIndexSql.FOLD_COUNTS, from, to);
        try (PreparedStatement advance = connection.prepareStatement(RaterIndexSql.ADVANCE)) {
            advance.setLong(1, to);
            advance.executeUpdate();
        }
        return new long[] {to, folded};
    }

    /**
     * Folds the one vote at {@code seq}, at or below the mark (a vote restored into a seq that a
     * deletion had freed), which the thread, folding only beyond the mark, would never fold.
     * Runs inside the caller's write transaction.
     */
    static void foldBehindMark(Connection connection, long seq) throws SQLException {
        rangeUpdate(connection, RaterIndexSql.FOLD_RATER_VOTES, seq - 1, seq);
        rangeUpdate(connection, RaterIndexSql.FOLD_COUNTS, seq - 1, seq);
    }

    private static int rangeUpdate(Connection connection, String sql, long from, long to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            return statement.executeUpdate();
        }
    }

    static long indexedSeq(Connection connection) throws SQLException {
        return single(connection, RaterIndexSql.INDEXED_SEQ);
    }

    private static long lastVoteSeq(Connection connection) throws SQLException {
        return single(connection, "SELECT last_value FROM sequences WHERE name = 'votes'");
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("'" + sql + "' found no row; the schema is damaged");
            }
            return row.getLong(1);
        }
    }

    /** Stops the thread, then folds what is left for at most {@link Tuning#closeCatchUp}. Idempotent. */
    @Override
    public void close() {
        stopThread();
        if (crashed) {
            return;
        }
        long deadline = System.nanoTime() + tuning.closeCatchUp().toNanos();
        try {
            while (fold(true) == tuning.chunkVotes()) {
                if (System.nanoTime() - deadline >= 0) {
                    LOG.info("SQLite indexer stopped at seq {}; the rest is folded after the next start", indexedSeq);
                    return;
                }
            }
        } catch (StorageException e) {
            LOG.warn("SQLite indexer could not catch up before closing ({}); it resumes at the next start",
                    e.getMessage());
        }
    }

    /** Tests: stops the thread and leaves the rest unfolded, also at {@link #close}, as a crash would. */
    void crash() {
        crashed = true;
        stopThread();
    }

    private void stopThread() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
