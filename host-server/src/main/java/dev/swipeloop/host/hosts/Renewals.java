package dev.swipeloop.host.hosts;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the lease renewals, each on a thread of its own when due: a storage call that blocks
 * (for as long as the pool's timeout) holds up only the renewal that made it, never the other
 * leases, which would otherwise run out behind it. A renewal still running when it is due
 * again is not started twice.
 */
final class Renewals implements AutoCloseable {
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
            task -> daemon(task, "swipeloop-leases"));
    private final ExecutorService runners = Executors.newCachedThreadPool(task -> daemon(task, "swipeloop-lease-renewal"));

    /** Runs {@code task} after {@code first}, then {@code period} after each start, skipping turns while it runs. */
    ScheduledFuture<?> every(Duration first, Duration period, Runnable task) {
        AtomicBoolean running = new AtomicBoolean();
        return clock.scheduleAtFixedRate(() -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            try {
                runners.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        running.set(false);
                    }
                });
            } catch (RejectedExecutionException closing) {
                running.set(false);
            }
        }, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        clock.shutdownNow();
        runners.shutdownNow();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
