package dev.swipeloop.host.rewards;

import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One app's place in paying its votes: the queue of counted votes not yet paid, the seq its
 * {@code rewards} ledger cursor has in storage, and the in-memory ledger. The queue is filled
 * under the score board's lock ({@link #offer}); it is paid, and the ledger read, under
 * {@link #processing}.
 */
final class AppRewards {
    static final String CURSOR = RewardsCursor.NAME;

    final String appId;
    final ReentrantLock processing = new ReentrantLock();
    final RaterLedgers ledgers;
    final AppDayTotal dayTotal;

    private final StorageBackend storage;
    private final Deque<CountedVote> queue = new ArrayDeque<>();
    /** Erased raters and the app's last seq at their erasure: a board that read their votes before is not heard. */
    private final Map<String, Long> erasedThrough = new HashMap<>();
    private boolean looked;
    /** The last seq queued (or paid): a board that counts old votes again is not listened to for them. */
    private long queuedThrough;
    /** Where the stored cursor is; moved only with the entries it covers (under {@link #processing}). */
    private long storedCursor;
    /** The storage's erasure count the queued votes were counted under; -1 before the first board. */
    private long erasures = -1;
    /** The in-memory ledger may hold erased raters' entries: read it again before its next use. */
    private boolean ledgersStale;

    AppRewards(StorageBackend storage, String appId, int maxEntries) {
        this.storage = storage;
        this.appId = appId;
        this.ledgers = new RaterLedgers(storage, appId, maxEntries);
        this.dayTotal = new AppDayTotal(since -> storage.ledgerPointsSince(appId, since));
    }

    /**
     * Whether the vote with this seq is to be queued: rewards are on and it comes after the
     * stored cursor (read the first time; turning rewards on moves it, see {@link #restartFrom}).
     * A board that counts old votes again after a restart or rebuild is not listened to for them.
     */
    synchronized boolean wants(long seq, boolean enabled) {
        if (!enabled) {
            return false;
        }
        if (!looked) {
            storedCursor = storage.ledgerCursor(appId, CURSOR);
            queuedThrough = storedCursor;
            looked = true;
        }
        return seq > queuedThrough;
    }

    /** Rewards were turned on with the cursor moved to {@code cursor}: nothing up to it is paid. */
    synchronized void restartFrom(long cursor) {
        storedCursor = cursor;
        queuedThrough = Math.max(queuedThrough, cursor);
        queue.removeIf(counted -> counted.vote().seq() <= cursor);
        looked = true;
    }

    synchronized void offer(CountedVote counted) {
        if (looked && counted.vote().seq() <= storedCursor) {
            return; // paid while a rebuilt board was counting it again
        }
        Long erased = erasedThrough.get(counted.vote().rater());
        if (erased != null && counted.vote().seq() <= erased) {
            return;
        }
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

    /**
     * The queued votes up to {@code cursor} were paid and the cursor moved there. By seq, not by
     * count: the queue may have been forgotten and filled again while the page was paid.
     */
    synchronized void paid(long cursor) {
        while (!queue.isEmpty() && queue.peekFirst().vote().seq() <= cursor) {
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

    synchronized long storedCursor() {
        return storedCursor;
    }

    synchronized long erasures() {
        return erasures;
    }

    /**
     * A board is rebuilt under the erasure count {@code count}: when a rater was erased since the
     * queue was filled (through any host), the queue is forgotten, and the rebuilt board, which
     * reads storage as it is now, counts every unpaid vote again.
     */
    synchronized void rebuilding(long count) {
        if (count != erasures) {
            forget(count);
        }
    }

    /** Forgets every queued vote and the in-memory ledger: they may hold a rater erased since. */
    synchronized void forget(long count) {
        erasures = count;
        queue.clear();
        queuedThrough = storedCursor;
        ledgersStale = true;
    }

    /** Lets the in-memory ledger go if {@link #forget} made it stale; call under {@link #processing}. */
    void dropStaleLedgers() {
        boolean stale;
        synchronized (this) {
            stale = ledgersStale;
            ledgersStale = false;
        }
        if (stale) {
            ledgers.clear();
            dayTotal.reset();
        }
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

    /**
     * The rater was erased, every vote of theirs up to {@code throughSeq} with them: those
     * queued are not paid, nor those a board read before the erasure and hands over after it.
     */
    synchronized void erased(String rater, long throughSeq) {
        erasedThrough.merge(rater, throughSeq, Math::max);
        queue.removeIf(counted -> counted.vote().rater().equals(rater));
        ledgers.forget(rater);
        dayTotal.reset();
    }
}
