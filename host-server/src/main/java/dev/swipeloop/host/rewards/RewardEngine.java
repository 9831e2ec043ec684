package dev.swipeloop.host.rewards;

import dev.swipeloop.host.ranking.ScoreBoards;
import dev.swipeloop.host.ranking.VoteTap;
import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.host.settings.AppSettingsCache;
import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.Progress;
import dev.swipeloop.sdk.reward.RaterSignals;
import dev.swipeloop.sdk.reward.RewardPolicy;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays committed votes into the ledger. The score boards tell it of each vote as they count
 * it ({@link VoteTap}), with the rater's quality signals as of that vote; a background thread
 * then runs the app's policies over the queued votes in seq order and stores each page's
 * entries together with the move of the app's {@code rewards} cursor, in one transaction. So
 * a vote is paid once: a crash before the write pays it again from the same state, and one
 * after does not pay it at all. Requests that must see every committed vote's points
 * ({@link #progress}) pay what is queued first.
 */
public final class RewardEngine implements VoteTap, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RewardEngine.class);
    /** Votes paid per transaction: each is an fsync that vote commits wait behind, so not too few. */
    static final int PAGE = 2_000;
    static final java.time.Duration SETTLE_WAIT = java.time.Duration.ofSeconds(2);
    private static final long RETRY_MILLIS = 1_000;

    private final StorageBackend storage;
    private final AppSettingsCache settings;
    private final Map<String, RewardPolicy> policies;
    private final VotePayer payer;
    private final int maxEntriesPerApp;
    private final Map<String, AppRewards> apps = new ConcurrentHashMap<>();
    private final Map<String, Boolean> scheduled = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker;
    /** Null when the storage keeps a ledger; else why rewards are unavailable on this host. */
    private final String unavailable;
    private volatile ScoreBoards boards;
    private volatile Consumer<String> tiersReached = appId -> { };
    private volatile String lastFailure;

    /**
     * @param policies        the started reward policies
     * @param maxEntriesPerApp ledger entries kept in memory per app ({@code rewards.cacheEntries})
     */
    public RewardEngine(StorageBackend storage, AppSettingsCache settings, List<RewardPolicy> policies,
                        int maxEntriesPerApp) {
        this.storage = storage;
        this.settings = settings;
        Map<String, RewardPolicy> byId = new LinkedHashMap<>();
        policies.forEach(policy -> byId.put(policy.id(), policy));
        this.policies = Map.copyOf(byId);
        this.payer = new VotePayer(byId);
        this.maxEntriesPerApp = maxEntriesPerApp;
        this.unavailable = probe(storage);
        this.worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "swipeloop-rewards");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The boards whose counting feeds this engine; {@link #progress} asks them to catch up first. */
    public void attach(ScoreBoards scoreBoards) {
        this.boards = scoreBoards;
    }

    /** Told the app's id after entries announcing a tier were stored (the webhooks go out then). */
    public void onTiersReached(Consumer<String> listener) {
        this.tiersReached = listener;
    }

    /** Why rewards are unavailable on this host (its storage keeps no reward ledger), or null. */
    public String unavailable() {
        return unavailable;
    }

    /** Whether the app pays rewards here: it lists policies, and the storage can keep their ledger. */
    public boolean enabled(String appId) {
        return unavailable == null && settings.of(appId).rewards().enabled();
    }

    @Override
    public boolean wants(String appId, long seq) {
        return unavailable == null && app(appId).wants(seq, settings.of(appId).rewards().enabled());
    }

    /**
     * The app just turned rewards on: its cursor moves to its last vote, so votes from now on
     * are paid and none cast before (see {@link RewardsCursor}).
     */
    public void startFromNow(String appId) {
        if (unavailable != null) {
            return;
        }
        AppRewards rewards = app(appId);
        rewards.processing.lock();
        try {
            rewards.restartFrom(RewardsCursor.moveToLastVote(storage, appId));
        } finally {
            rewards.processing.unlock();
        }
    }

    @Override
    public void rebuilding(String appId, long erasures) {
        if (unavailable == null) {
            app(appId).rebuilding(erasures);
        }
    }

    @Override
    public void counted(Vote vote, RaterSignals signals) {
        app(vote.appId()).offer(new CountedVote(vote, signals));
        schedule(vote.appId(), 0);
    }

    /**
     * The rater's progress under each policy the app lists, from the ledger as it is: call
     * {@link #settle} first for one that includes every committed vote.
     *
     * @throws RewardsOffException when the app lists no reward policy
     */
    public RaterProgress progress(String appId, String rater, Instant now) {
        AppSettings app = settings.of(appId);
        if (!enabled(appId)) {
            throw new RewardsOffException(appId);
        }
        AppRewards rewards = app(appId);
        rewards.processing.lock();
        try {
            rewards.dropStaleLedgers();
            PendingLedger ledger = new PendingLedger(appId, rewards.ledgers::entries);
            List<Progress> each = new ArrayList<>();
            for (String id : app.rewards().policies()) {
                RewardPolicy policy = policies.get(id);
                if (policy != null) {
                    each.add(policy.progress(rater, new VotePayer.Context(appId, app.rewardConfig(id), ledger, now)));
                }
            }
            return RaterProgress.of(rater, each);
        } finally {
            rewards.processing.unlock();
        }
    }

    /**
     * Pays every vote committed before this call; while the app's board is being rebuilt
     * (after an erasure or a change of the rules it is built from) it waits at most
     * {@link #SETTLE_WAIT} for it, then pays what is counted.
     */
    public void settle(String appId) {
        if (unavailable != null) {
            return;
        }
        ScoreBoards scoreBoards = boards;
        if (scoreBoards != null) {
            scoreBoards.catchUp(appId, SETTLE_WAIT);
        }
        drain(appId);
    }

    /**
     * Erases a rater: their queued votes are not paid and their ledger is forgotten, with no
     * payment running meanwhile. {@code delete} removes them from storage; its result is returned.
     */
    public long erase(String appId, String rater, java.util.function.LongSupplier delete) {
        AppRewards rewards = app(appId);
        rewards.processing.lock();
        try {
            long removed = delete.getAsLong();
            rewards.erased(rater, storage.lastSeq(appId));
            return removed;
        } finally {
            rewards.processing.unlock();
        }
    }

    /** Votes counted but not paid yet, per app with any; and the last failure to store, if any. */
    public Map<String, Integer> backlog() {
        Map<String, Integer> queued = new java.util.TreeMap<>();
        apps.forEach((id, app) -> {
            if (!app.idle()) {
                queued.put(id, app.queued());
            }
        });
        return queued;
    }

    public String lastFailure() {
        return lastFailure;
    }

    /** The ids of the policies this host runs. */
    public List<String> policyIds() {
        return List.copyOf(new java.util.TreeSet<>(policies.keySet()));
    }

    private AppRewards app(String appId) {
        return apps.computeIfAbsent(appId, id -> new AppRewards(storage, id, maxEntriesPerApp));
    }

    private void schedule(String appId, long delayMillis) {
        if (scheduled.putIfAbsent(appId, Boolean.TRUE) == null) {
            try {
                worker.schedule(() -> {
                    scheduled.remove(appId);
                    try {
                        drain(appId);
                        lastFailure = null;
                    } catch (Throwable e) { // an Error from a policy too: the app's votes must still be paid
                        lastFailure = Instant.now() + " app " + appId + ": " + e;
                        LOG.warn("Paying the votes of app {} failed ({}); retrying in {} ms", appId, e.toString(),
                                RETRY_MILLIS);
                        schedule(appId, RETRY_MILLIS);
                    }
                }, delayMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                scheduled.remove(appId);
            }
        }
    }

    /** Pays the app's queued votes, a page per transaction. */
    private void drain(String appId) {
        AppRewards rewards = app(appId);
        rewards.processing.lock();
        try {
            while (true) {
                List<CountedVote> page = rewards.peek(PAGE);
                if (page.isEmpty()) {
                    return;
                }
                payPage(rewards, page);
            }
        } finally {
            rewards.processing.unlock();
        }
    }

    private void payPage(AppRewards rewards, List<CountedVote> page) {
        try {
            payAndStore(rewards, page);
        } catch (RuntimeException | Error e) {
            // Nothing was written: the page is paid again, from the same ledger, on the retry.
            rewards.dayTotal.reset();
            throw e;
        }
    }

    private void payAndStore(AppRewards rewards, List<CountedVote> page) {
        long erasures = storage.erasures(rewards.appId);
        if (rewards.erasures() >= 0 && erasures != rewards.erasures()) {
            // A rater was erased (perhaps through another host) since these votes were counted:
            // some may be theirs. The rebuilt board counts the votes storage still has again.
            LOG.info("A rater of app {} was erased; counting its unpaid votes again", rewards.appId);
            rewards.forget(erasures);
            ScoreBoards scoreBoards = boards;
            if (scoreBoards != null) {
                scoreBoards.votesRemoved(rewards.appId);
            }
            return;
        }
        rewards.dropStaleLedgers();
        AppSettings app = settings.of(rewards.appId);
        PendingLedger ledger = new PendingLedger(rewards.appId, rewards.ledgers::entries);
        for (CountedVote counted : page) {
            payer.pay(counted.vote(), counted.signals(), app, ledger, rewards.dayTotal);
        }
        List<LedgerEntry> entries = ledger.pending();
        long through = page.get(page.size() - 1).vote().seq();
        List<LedgerEntry> stored;
        try {
            stored = storage.appendLedger(entries, rewards.appId, AppRewards.CURSOR, rewards.storedCursor(), through);
        } catch (ConflictException e) {
            LOG.info("Another host paid votes of app {} up to a later seq; going on from there", rewards.appId);
            rewards.overtaken();
            return;
        }
        if (storage.erasures(rewards.appId) != erasures) {
            unpayErased(rewards.appId, stored);
        }
        rewards.ledgers.add(stored);
        rewards.paid(through);
        if (stored.stream().anyMatch(entry -> entry.reason() != null
                && entry.reason().startsWith(RewardPolicy.TIER_REASON_PREFIX))) {
            tiersReached.accept(rewards.appId);
        }
    }

    /**
     * A rater erased (through another host) while their votes were being paid got entries after
     * the erasure: those of raters without a vote left are erased again, entries and all.
     */
    private void unpayErased(String appId, List<LedgerEntry> stored) {
        for (String rater : new java.util.TreeSet<>(stored.stream().map(LedgerEntry::rater).toList())) {
            if (storage.rater(appId, rater).isEmpty()) {
                LOG.info("Rater {} of app {} was erased while their votes were paid; their entries are removed", rater,
                        appId);
                storage.deleteRater(appId, rater);
            }
        }
    }

    private static String probe(StorageBackend storage) {
        try {
            storage.ledgerCursor("", RewardsCursor.NAME);
            return null;
        } catch (UnsupportedOperationException e) {
            LOG.warn("Rewards are unavailable on this host: {}", e.getMessage());
            return e.getMessage();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
