package dev.swipeloop.host.migrate;

import java.util.concurrent.atomic.AtomicLong;

/** How far a copy or a check got, in rows, read from a progress bar's thread. */
public final class CopyProgress {
    private final long startedNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long total;

    void total(long rows) {
        total = rows;
    }

    void add(long rows) {
        done.addAndGet(rows);
    }

    public long done() {
        return done.get();
    }

    /** Rows to go through in all; 0 until counted. */
    public long total() {
        return total;
    }

    public double fraction() {
        long all = total;
        return all <= 0 ? 0 : Math.min(1.0, (double) done.get() / all);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
