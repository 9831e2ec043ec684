package dev.swipeloop.host.ingest;

import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes many vote requests share one durable write. One thread takes every request waiting
 * in the queue (up to {@code maxCommitVotes} votes together), appends them with one
 * {@link StorageBackend#appendVotes} call (one transaction, one fsync) and then completes
 * each request's future with its own slice of the result. While one commit runs, the next
 * group gathers, so the slower the disk, the larger the groups.
 *
 * <p>A future completes only after the commit returned, so a 2xx answered from it is
 * durable. If the commit throws, every request of that group fails with the exception; the
 * clients retry, and vote ids make the retry safe.
 *
 * <p>Futures are completed on a small pool of reply threads, never on the writer thread:
 * whatever a caller chains onto them runs there (Javalin writes the HTTP answer, which can
 * block on a slow client), and on the writer thread it would hold up the next commit.
 *
 * <p>{@link #close()} stops accepting and then commits and answers everything already queued.
 * A {@link CommitObserver} is told of every commit and refusal (metrics).
 */
public final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private record Pending(List<Vote> votes, CompletableFuture<AppendResult> result) {
    }

    private static final Pending STOP = new Pending(List.of(), new CompletableFuture<>());

    private final StorageBackend storage;
    private final CommitObserver observer;
    private final int maxCommitVotes;
    private final int maxQueuedVotes;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object admission = new Object();
    private final Thread thread;
    private final ExecutorService replies;
    private int queuedVotes;
    private boolean closed;

    /**
     * @param maxQueuedVotes back-pressure: beyond this many votes waiting, {@link #submit}
     *                       refuses with {@link RejectedException} instead of growing memory
     */
    public GroupCommitWriter(StorageBackend storage, int maxCommitVotes, int maxQueuedVotes) {
        this(storage, maxCommitVotes, maxQueuedVotes, CommitObserver.NONE);
    }

    /** The same, telling {@code observer} of every commit and refusal. */
    public GroupCommitWriter(StorageBackend storage, int maxCommitVotes, int maxQueuedVotes, CommitObserver observer) {
        this.storage = storage;
        this.observer = observer;
        this.maxCommitVotes = maxCommitVotes;
        this.maxQueuedVotes = maxQueuedVotes;
        AtomicInteger replyThreads = new AtomicInteger();
        this.replies = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), task -> {
            Thread t = new Thread(task, "swipeloop-vote-replies-" + replyThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, "swipeloop-group-commit");
        this.thread.setDaemon(false);
        this.thread.start();
    }

    /** Refused: the writer is closing, or too many votes are already waiting. */
    public static final class RejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean closing;

        RejectedException(String message, boolean closing) {
            super(message);
            this.closing = closing;
        }

        public boolean closing() {
            return closing;
        }
    }

    /**
     * Queues votes for the next commit. The future completes, after the commit, with one
     * entry per vote in order, or exceptionally with what the storage threw.
     */
    public CompletableFuture<AppendResult> submit(List<Vote> votes) {
        Pending pending = new Pending(List.copyOf(votes), new CompletableFuture<>());
        synchronized (admission) {
            if (closed) {
                throw new RejectedException("the server is shutting down", true);
            }
            if (queuedVotes > 0 && queuedVotes + votes.size() > maxQueuedVotes) {
                observer.refusedBusy(votes.size());
                throw new RejectedException(queuedVotes + " votes are waiting to be written", false);
            }
            queuedVotes += votes.size();
            queue.add(pending);
        }
        return pending.result();
    }

    /** Votes queued and not yet taken into a commit. */
    public int queuedVotes() {
        synchronized (admission) {
            return queuedVotes;
        }
    }

    /** False once {@link #close()} began: new votes are refused. */
    public boolean accepting() {
        synchronized (admission) {
            return !closed;
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                Pending first = queue.take();
                if (first == STOP) {
                    break;
                }
                group.add(first);
                int votes = first.votes().size();
                Pending next;
                while ((next = queue.peek()) != null) {
                    if (next == STOP) {
                        queue.poll();
                        stopping = true;
                        break;
                    }
                    if (votes + next.votes().size() > maxCommitVotes) {
                        break;
                    }
                    queue.poll();
                    group.add(next);
                    votes += next.votes().size();
                }
                commit(group, votes);
            } catch (RuntimeException | Error e) {
                // Never let the one writer thread die: fail this group and go on with the next.
                LOG.error("group-commit writer failed on {} requests; answering them with an error", group.size(), e);
                for (Pending p : group) {
                    fail(p, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("group-commit writer interrupted; failing {} queued vote requests", queue.size());
                break;
            } finally {
                group.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            fail(left, new RejectedException("the server is shutting down", true));
        }
    }

    private void commit(List<Pending> group, int voteCount) {
        synchronized (admission) {
            queuedVotes -= voteCount;
        }
        if (group.size() == 1) {
            append(group.get(0).votes(), group);
            return;
        }
        List<Vote> all = new ArrayList<>(voteCount);
        for (Pending p : group) {
            all.addAll(p.votes());
        }
        if (!append(all, group)) {
            return;
        }
        // The shared commit failed: one request's votes may be what the storage refused. Commit
        // each request alone, so only that one fails (the transaction rolled back, so nothing of
        // the group was stored).
        for (Pending p : group) {
            append(p.votes(), List.of(p));
        }
    }

    /**
     * Appends {@code votes} (those of {@code owners}, in order) in one call and answers each
     * owner with its slice. Returns true when the call failed and more than one owner is waiting
     * for an answer, so the caller can retry them one by one; a lone owner gets the failure.
     */
    private boolean append(List<Vote> votes, List<Pending> owners) {
        AppendResult result;
        long started = System.nanoTime();
        try {
            result = storage.appendVotes(votes);
            if (result.size() != votes.size()) {
                throw new IllegalStateException("storage '" + storage.id() + "' answered " + result.size()
                        + " results for " + votes.size() + " votes");
            }
            observer.committed(votes.size(), result.accepted(), System.nanoTime() - started);
        } catch (RuntimeException | Error e) {
            observer.failed(votes.size());
            if (owners.size() > 1) {
                LOG.warn("committing {} votes from {} requests failed, retrying each alone: {}", votes.size(),
                        owners.size(), e.toString());
                return true;
            }
            LOG.warn("committing {} votes failed: {}", votes.size(), e.toString());
            fail(owners.get(0), e);
            return false;
        }
        int from = 0;
        for (Pending p : owners) {
            int to = from + p.votes().size();
            AppendResult slice = result.slice(from, to);
            reply(() -> p.result().complete(slice));
            from = to;
        }
        return false;
    }

    private void fail(Pending pending, Throwable failure) {
        reply(() -> pending.result().completeExceptionally(failure));
    }

    /** On a reply thread; on this one only if the pool is gone (a close that timed out). */
    private void reply(Runnable answer) {
        try {
            replies.execute(answer);
        } catch (RejectedExecutionException e) {
            answer.run();
        }
    }

    /** Refuses new votes, commits and answers every queued one, then stops the thread. */
    @Override
    public void close() {
        synchronized (admission) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            if (thread.isAlive()) {
                LOG.warn("group-commit writer still busy after 60 s; its answers will be sent when it finishes");
                return;
            }
            replies.shutdown();
            replies.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
