package dev.swipeloop.host.rewards;

import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One app's place in paying its votes: the queue of counted votes not yet paid, the seq its
 * {@code rewards} ledger cursor has in storage, and the in-memory ledger. The queue is filled
 * under the score board's lock ({@link #offer}); it is paid, and the ledger read, under
 * {@link #processing}.
 */
final class AppRewards {
    static final String CURSOR = "rewards";

    final String appId;
    final ReentrantLock processing = new ReentrantLock();
    final RaterLedgers ledgers;
    final AppDayTotal dayTotal;

    private final StorageBackend storage;
    private final Deque<CountedVote> queue = new ArrayDeque<>();
    private boolean looked;
    private boolean active;
    /** The last seq queued (or paid): a board that counts old votes again is not listened to for them. */
    private long queuedThrough;
    /** Where the stored cursor is; moved only with the entries it covers. Guarded by {@link #processing}. */
    private long storedCursor;

    AppRewards(StorageBackend storage, String appId, int maxRaters) {
        this.storage = storage;
        this.appId = appId;
        this.ledgers = new RaterLedgers(storage, appId, maxRaters);
        this.dayTotal = new AppDayTotal(since -> storage.ledgerPointsSince(appId, since));
    }

    /**
     * Whether the vote with this seq is to be queued. The first time the app is looked at with
     * rewards on, the stored cursor says where paying stopped (a restart pays the votes committed
     * after it). Rewards turned on later count from the vote at hand: the votes before it were
     * counted by the board already, while rewards were off.
     */
    synchronized boolean wants(long seq, boolean enabled) {
        if (!enabled) {
            active = false;
            return false;
        }
        if (!looked) {
            looked = true;
            storedCursor = storage.ledgerCursor(appId, CURSOR);
            queuedThrough = storedCursor;
        }
        if (!active) {
            active = true;
            queuedThrough = Math.max(queuedThrough, seq - 1);
        }
        return seq > queuedThrough;
    }

    synchronized void offer(CountedVote counted) {
        if (counted.vote().seq() > queuedThrough) {
            queue.addLast(counted);
            queuedThrough = counted.vote().seq();
        }
    }

    /** Up to {@code max} queued votes, oldest first, left in the queue. */
    synchronized List<CountedVote> peek(int max) {
        List<CountedVote> batch = new ArrayList<>(Math.min(max, queue.size()));
        for (CountedVote counted : queue) {
            if (batch.size() == max) {
                break;
            }
            batch.add(counted);
        }
        return batch;
    }

    /** The first {@code count} queued votes were paid and the cursor moved to {@code cursor}. */
    synchronized void paid(int count, long cursor) {
        for (int i = 0; i < count; i++) {
            queue.removeFirst();
        }
        storedCursor = cursor;
    }

    synchronized boolean idle() {
        return queue.isEmpty();
    }

    synchronized int queued() {
        return queue.size();
    }

    long storedCursor() {
        return storedCursor;
    }

    /**
     * Another host moved the cursor (they share a database): what it paid is not paid again.
     * Queued votes up to the new cursor are dropped and the ledger is read again.
     */
    synchronized void overtaken() {
        storedCursor = storage.ledgerCursor(appId, CURSOR);
        queue.removeIf(counted -> counted.vote().seq() <= storedCursor);
        queuedThrough = Math.max(queuedThrough, storedCursor);
        ledgers.clear();
        dayTotal.reset();
    }

    /** The rater was erased: their queued votes are not paid, and their ledger is gone. */
    synchronized void erased(String rater) {
        queue.removeIf(counted -> counted.vote().rater().equals(rater));
        ledgers.forget(rater);
        dayTotal.reset();
    }
}
