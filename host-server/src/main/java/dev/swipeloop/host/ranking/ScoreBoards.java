package dev.swipeloop.host.ranking;

import dev.swipeloop.host.settings.AppSettingsCache;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every app's live board. A background thread folds new votes into every board every
 * {@code refreshEvery} (so flags, alarms and decks follow the votes without anyone asking);
 * requests that must include the latest vote call {@link #fresh}, those that may lag by one
 * period call {@link #recent}. Everything here is derived from storage: several hosts on one
 * database each keep their own boards and agree on what they show, a rater erased through
 * another host leaving this host's boards within a refresh period (see {@link LiveBoard}).
 */
public final class ScoreBoards implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreBoards.class);

    private final StorageBackend storage;
    private final AppSettingsCache settings;
    private final long refreshEveryNanos;
    private final Map<String, LiveBoard> boards = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher;
    private final VoteTap tap;
    private volatile boolean loaded;

    /**
     * @param refreshEvery how often the background thread folds new votes; null for no thread
     *                     (the CLI), where {@link #fresh} reads refresh and {@link #recent} ones build once
     */
    public ScoreBoards(StorageBackend storage, AppSettingsCache settings, Duration refreshEvery) {
        this(storage, settings, refreshEvery, null);
    }

    /** @param tap told of every vote as it is folded (rewards); null for none */
    public ScoreBoards(StorageBackend storage, AppSettingsCache settings, Duration refreshEvery, VoteTap tap) {
        this.storage = storage;
        this.tap = tap;
        this.settings = settings;
        this.refreshEveryNanos = refreshEvery == null ? 0 : refreshEvery.toNanos();
        if (refreshEvery == null) {
            this.refresher = null;
            this.loaded = true;
        } else {
            this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "swipeloop-score-refresh");
                thread.setDaemon(true);
                return thread;
            });
            refresher.scheduleWithFixedDelay(this::refreshAll, 0, refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The app's board with every vote committed before this call folded in. */
    AppBoard fresh(String appId) {
        return live(appId).refresh(() -> settings.of(appId));
    }

    /**
     * The app's board as of at most one refresh period ago; refreshed here when it is older (the
     * background thread is behind) or was never built, and as it is while a refresh is under way
     * (a rebuild can take seconds). Without a background thread (the CLI) the board is built on
     * first use and kept: an export's range is fixed before it asks.
     */
    AppBoard recent(String appId) {
        LiveBoard live = live(appId);
        AppBoard board = live.current();
        if (board != null && live.busy()) {
            return board;
        }
        boolean outdated = refreshEveryNanos > 0 && System.nanoTime() - live.refreshedAtNanos() > refreshEveryNanos * 2;
        return board == null || outdated ? live.refresh(() -> settings.of(appId)) : board;
    }

    /**
     * Folds every vote of the app committed before this call (and tells the tap of them); when
     * another refresh (perhaps a long rebuild) holds the board longer than {@code maxWait},
     * returns without: what it folds is told to the tap all the same.
     */
    public void catchUp(String appId, Duration maxWait) {
        live(appId).refreshWithin(() -> settings.of(appId), maxWait);
    }

    /** The boards built so far (for /health's alarms): apps nobody voted in may be missing. */
    Map<String, AppBoard> built() {
        Map<String, AppBoard> out = new java.util.TreeMap<>();
        boards.forEach((app, live) -> {
            AppBoard board = live.current();
            if (board != null) {
                out.put(app, board);
            }
        });
        return out;
    }

    /**
     * True once the background thread finished its first pass over every app (the boards hold
     * every vote committed before start); always true without a background thread.
     */
    public boolean loaded() {
        return loaded;
    }

    /** The app's votes were deleted (a rater erased): its board is rebuilt on the next refresh. */
    public void votesRemoved(String appId) {
        live(appId).invalidate();
    }

    private LiveBoard live(String appId) {
        return boards.computeIfAbsent(appId, id -> new LiveBoard(id, storage, tap, refreshEveryNanos));
    }

    /** One app failing does not stop the others; nothing may escape, or the schedule would stop for good. */
    private void refreshAll() {
        try {
            for (App app : storage.apps()) {
                try {
                    live(app.id()).refresh(() -> settings.of(app.id()));
                } catch (RuntimeException e) {
                    LOG.warn("Refreshing the scores of app {} failed ({}); retrying in the next period", app.id(),
                            e.toString());
                }
            }
            loaded = true;
        } catch (Throwable e) {
            LOG.error("Refreshing scores failed; retrying in the next period", e);
        }
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
