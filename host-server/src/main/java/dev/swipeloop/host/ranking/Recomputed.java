package dev.swipeloop.host.ranking;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An expensive result computed from an app's votes up to some seq (a bootstrap, Dawid–Skene),
 * kept until newer votes arrive. A request for a newer seq starts one computation in the
 * background (never two at once) and waits for it a short while: small apps get a fresh answer
 * at once, while a big one gets the previous answer, marked stale, instead of a request that
 * hangs for seconds.
 */
final class Recomputed<T> {
    /** A result and the seq it counts votes up to; {@code stale} when newer votes are not in it yet. */
    record Result<T>(T value, long seq, boolean stale) {
    }

    private final Executor executor;
    private final Duration patience;
    private Result<T> done;
    private CompletableFuture<Result<T>> running;

    Recomputed(Executor executor, Duration patience) {
        this.executor = executor;
        this.patience = patience;
    }

    /**
     * The result as of {@code seq} or later, or the last one while the newer one is still
     * computing. {@code compute} takes its own snapshot and says which seq it reached.
     */
    Result<T> get(long seq, Supplier<Result<T>> compute) {
        CompletableFuture<Result<T>> waitFor;
        Result<T> previous;
        synchronized (this) {
            if (done != null && done.seq() >= seq) {
                return done;
            }
            waitFor = running;
            if (waitFor == null) {
                CompletableFuture<Result<T>> started = CompletableFuture.supplyAsync(compute, executor);
                running = started;
                waitFor = started;
                // May run at once, on this thread, if the computation already finished.
                started.whenComplete((result, failure) -> finished(started, result));
            }
            previous = done;
        }
        try {
            return previous == null ? waitFor.get() : waitFor.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Result<>(previous.value(), previous.seq(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private synchronized void finished(CompletableFuture<Result<T>> which, Result<T> result) {
        if (running == which) {
            running = null;
        }
        if (result != null && (done == null || result.seq() >= done.seq())) {
            done = result;
        }
    }
}
