package dev.swipeloop.host.ranking;

import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One app's {@link AppBoard}, kept up with storage: {@link #refresh} folds the votes committed
 * since the last call, a page at a time. When the board cannot be brought up to date by adding
 * votes (a rule it is built with changed, or votes were deleted) a new board is built from the
 * first vote and swapped in; until then {@link #current} keeps answering with the old one, so
 * decks are not held up, while callers of {@link #refresh} wait for the new one.
 *
 * <p>Votes erased through another host on the same database are noticed by the storage's
 * erasure count, read at most once per {@code checkErasuresEvery} as the board refreshes: when
 * it moved since the board was built, the board is rebuilt.
 */
final class LiveBoard {
    static final int PAGE = 5_000;

    private final String appId;
    private final StorageBackend storage;
    private final VoteTap tap;
    private final long checkErasuresEveryNanos;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile AppBoard board;
    private volatile boolean invalidated;
    private volatile long refreshedAtNanos;
    /** The erasure count read before the board's first vote. Guarded by {@link #refreshing}. */
    private long builtUnderErasures;
    private long erasuresCheckedAtNanos;

    LiveBoard(String appId, StorageBackend storage, VoteTap tap, long checkErasuresEveryNanos) {
        this.appId = appId;
        this.storage = storage;
        this.tap = tap;
        this.checkErasuresEveryNanos = checkErasuresEveryNanos;
    }

    /** The board as last refreshed, or null before the first refresh. */
    AppBoard current() {
        return board;
    }

    long refreshedAtNanos() {
        return refreshedAtNanos;
    }

    /** Votes were removed: the next refresh rebuilds the board from the first vote. */
    void invalidate() {
        invalidated = true;
    }

    /**
     * Folds every vote committed so far (rebuilding first if needed) and returns the board. The
     * settings are read once the refresh has the board to itself, so a change made meanwhile is
     * not undone by a refresh that read them before.
     */
    AppBoard refresh(Supplier<AppSettings> settings) {
        refreshing.lock();
        try {
            AppSettings now = settings.get();
            AppBoard target = board;
            long nowNanos = System.nanoTime();
            if (target != null && !invalidated && nowNanos - erasuresCheckedAtNanos >= checkErasuresEveryNanos) {
                erasuresCheckedAtNanos = nowNanos;
                invalidated = storage.erasures(appId) != builtUnderErasures;
            }
            boolean rebuild = target == null || invalidated
                    || !target.settings().boardInputs().equals(now.boardInputs());
            long erasures = builtUnderErasures;
            if (rebuild) {
                // Cleared before reading: an erasure that lands during the rebuild asks for another.
                invalidated = false;
                erasures = storage.erasures(appId);
                erasuresCheckedAtNanos = nowNanos;
                if (tap != null) {
                    tap.rebuilding(appId, erasures);
                }
                target = new AppBoard(appId, now, tap);
            } else {
                target.adopt(now);
            }
            try {
                catchUp(target);
            } catch (RuntimeException | Error e) {
                if (rebuild) {
                    invalidated = true;
                }
                throw e;
            }
            board = target;
            builtUnderErasures = erasures;
            refreshedAtNanos = System.nanoTime();
            return target;
        } finally {
            refreshing.unlock();
        }
    }

    /** {@link #refresh}, unless another refresh holds the board longer than {@code maxWait}: then nothing. */
    void refreshWithin(Supplier<AppSettings> settings, java.time.Duration maxWait) {
        try {
            if (!refreshing.tryLock(maxWait.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            refresh(settings);
        } finally {
            refreshing.unlock();
        }
    }

    /** Whether a refresh (perhaps a long rebuild) is under way: decks then use {@link #current} rather than wait. */
    boolean busy() {
        return refreshing.isLocked();
    }

    private void catchUp(AppBoard target) {
        while (true) {
            List<Vote> page = storage.votesAfter(appId, target.lastSeq(), PAGE);
            if (page.isEmpty()) {
                return;
            }
            target.fold(page, newItems(target, page));
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** The provenance of the items these votes mention that the board has not seen, in one look-up. */
    private Map<String, Item> newItems(AppBoard target, List<Vote> page) {
        Set<String> unseen = new LinkedHashSet<>();
        target.read(b -> {
            for (Vote vote : page) {
                if (vote.judgement() instanceof Judgement.Binary binary) {
                    addIfUnseen(b, unseen, binary.item());
                } else if (vote.judgement() instanceof Judgement.Pair pair) {
                    addIfUnseen(b, unseen, pair.left());
                    addIfUnseen(b, unseen, pair.right());
                }
            }
            return null;
        });
        return unseen.isEmpty() ? Map.of() : storage.items(appId, unseen);
    }

    private static void addIfUnseen(AppBoard board, Set<String> unseen, String itemId) {
        if (!board.catalogue.knows(itemId)) {
            unseen.add(itemId);
        }
    }
}
