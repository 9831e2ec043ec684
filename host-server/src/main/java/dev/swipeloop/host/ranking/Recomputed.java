package dev.swipeloop.host.ranking;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An expensive result computed from one board's votes up to some seq (a bootstrap,
 * Dawid–Skene), kept until newer votes arrive. A request for a newer seq starts one computation
 * in the background (never two at once) and waits for it a short while: small apps get a fresh
 * answer at once, while a big one gets the previous answer, marked stale, instead of a request
 * that hangs for seconds. A result of another board (rebuilt after an erasure or a settings
 * change) is never served: the request waits for one of the current board.
 */
final class Recomputed<T> {
    /** A result and the seq it counts votes up to; {@code stale} when newer votes are not in it yet. */
    record Result<T>(T value, long seq, boolean stale) {
    }

    private record Done<T>(Object board, Result<T> result) {
    }

    private final Executor executor;
    private final Duration patience;
    private Done<T> done;
    private CompletableFuture<Done<T>> running;

    Recomputed(Executor executor, Duration patience) {
        this.executor = executor;
        this.patience = patience;
    }

    /**
     * The result as of {@code seq} or later, or the last one of the same board while the newer
     * one is still computing. {@code compute} takes its own snapshot of {@code board} and says
     * which seq it reached.
     */
    Result<T> get(Object board, long seq, Supplier<Result<T>> compute) {
        CompletableFuture<Done<T>> waitFor;
        Done<T> previous;
        synchronized (this) {
            if (done != null && done.board() == board && done.result().seq() >= seq) {
                return done.result();
            }
            waitFor = running;
            if (waitFor == null) {
                CompletableFuture<Done<T>> started = CompletableFuture.supplyAsync(
                        () -> new Done<>(board, compute.get()), executor);
                running = started;
                waitFor = started;
                // May run at once, on this thread, if the computation already finished.
                started.whenComplete((result, failure) -> finished(started, result));
            }
            previous = done != null && done.board() == board ? done : null;
        }
        try {
            Done<T> finished = previous == null ? waitFor.get()
                    : waitFor.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (finished.board() != board) {
                // It was computing for a board since replaced: ask again, for this one.
                return get(board, seq, compute);
            }
            Result<T> result = finished.result();
            return result.seq() >= seq ? result : new Result<>(result.value(), result.seq(), true);
        } catch (TimeoutException e) {
            return new Result<>(previous.result().value(), previous.result().seq(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private synchronized void finished(CompletableFuture<Done<T>> which, Done<T> result) {
        if (running == which) {
            running = null;
        }
        if (result != null) {
            done = result;
        }
    }
}
