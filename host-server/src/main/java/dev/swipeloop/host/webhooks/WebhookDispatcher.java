package dev.swipeloop.host.webhooks;

import dev.swipeloop.host.webhooks.WebhookDelivery.State;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.host.hosts.Leases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every app's {@code rater.tier_reached} webhooks from its reward ledger, in ledger
 * order, each until a 2xx answer or {@link WebhookSettings#maxAttempts} failures, and moves
 * the app's {@code webhooks} cursor past each message once it is settled. A restart resumes
 * after the saved cursor: delivery is at least once (a message in flight when the host stops
 * is sent again, with the same {@code webhook-id}).
 *
 * <h2>One thread, no waiting on receivers</h2>
 * One daemon thread reads the ledgers and decides what to send; requests go out
 * asynchronously and their outcomes come back to it through a queue. Each app has its own
 * next-attempt time, and the thread sleeps until the earliest one (or a {@link #poke}, or an
 * outcome), so an app whose endpoint is down or hangs until the timeout holds up only its
 * own later messages, never another app's. Everything the thread does for one app is caught
 * and logged; that app is looked at again after {@link WebhookSettings#pollInterval}.
 *
 * <h2>Several hosts</h2>
 * Every host runs a dispatcher, but one host at a time sends an app's webhooks: the one that
 * holds the app's lease {@code webhooks} ({@link LedgerFeed#claim}), which lasts {@link #LEASE}
 * and is renewed every third of that. Only the holder moves the cursor. A host
 * that loses the lease drops the message it was sending (the new holder sends it again, with
 * the same {@code webhook-id}); one that stops gives it up at once; one that dies hands over
 * when it runs out. The others ask for it every poll interval (at most every renewal period).
 * {@link #status} shows the deliveries this host made.
 *
 * <h2>What is sent</h2>
 * Entries whose reason does not announce a tier are stepped over, a page at a time. An app
 * without an endpoint has its cursor moved over everything: entries from before it set a URL
 * are never sent.
 */
public final class WebhookDispatcher implements AutoCloseable {
    /** Ledger entries read per query. */
    static final int PAGE = 500;
    /** Pages one app may step over in one turn before the others get theirs. */
    static final int PAGES_PER_TURN = 20;
    /** How many messages per app {@link #status} shows. */
    public static final int RECENT_DELIVERIES = 20;
    /** How many ledger entries {@link #status} looks through to count pending messages. */
    public static final int PENDING_SCAN_LIMIT = 10_000;

    /** How long an app's lease lasts without renewal: how long a dead host's webhooks wait for another. */
    static final Duration LEASE = Leases.RUN_TTL;
    static final long RENEW_NANOS = LEASE.toNanos() / 3;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Object STOP = new Object();

    private final LedgerFeed feed;
    private final WebhookEndpoints endpoints;
    private final WebhookSettings settings;
    private final WebhookSender sender;
    private final String hostId;
    private final long pollNanos;
    /** Pokes (an app id), attempt outcomes and {@link #STOP}: all the thread is told. */
    private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private final Map<String, List<WebhookDelivery>> recent = new ConcurrentHashMap<>();
    /** Owned by the dispatcher thread alone. */
    private final Map<String, AppState> apps = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts the dispatcher thread; the first look at every app's ledger is immediate.
     *
     * @param hostId this host's id, the holder of the app leases it takes
     */
    public WebhookDispatcher(LedgerFeed feed, WebhookEndpoints endpoints, WebhookSettings settings, String hostId) {
        this.feed = feed;
        this.hostId = hostId;
        this.endpoints = endpoints;
        this.settings = settings;
        this.sender = new WebhookSender(settings.timeout());
        this.pollNanos = settings.pollInterval().toNanos();
        this.thread = new Thread(this::run, "swipeloop-webhooks");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Says the app's ledger may have new entries (the reward engine just appended some): look now. */
    public void poke(String appId) {
        signals.add(appId);
    }

    /** The app's webhooks as storage and this dispatcher know them; reads storage on the caller's thread. */
    public WebhookStatus status(String appId) {
        boolean endpointSet = endpoints.of(appId).isPresent();
        long cursor = feed.cursor(appId);
        long pending = 0;
        long scanned = 0;
        long after = cursor;
        boolean capped = false;
        while (endpointSet) {
            List<LedgerEntry> page = feed.after(appId, after, PAGE);
            for (LedgerEntry entry : page) {
                if (TierReachedEvent.announcedBy(entry)) {
                    pending++;
                }
            }
            scanned += page.size();
            if (page.size() < PAGE) {
                break;
            }
            if (scanned >= PENDING_SCAN_LIMIT) {
                capped = true;
                break;
            }
            after = page.get(page.size() - 1).seq();
        }
        return new WebhookStatus(appId, endpointSet, cursor, pending, capped, recent.getOrDefault(appId, List.of()));
    }

    /**
     * Stops the thread and waits briefly for it. Requests in flight are not waited for: their
     * messages stay after the cursor and are sent again by the next dispatcher.
     */
    @Override
    public void close() {
        closed = true;
        signals.add(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            // So that another host takes the apps over at once, not when the leases run out.
            apps.values().stream().filter(app -> app.leased).forEach(app -> {
                try {
                    feed.release(app.appId, hostId);
                } catch (RuntimeException e) {
                    LOG.debug("releasing the webhooks lease of app {} failed: {}", app.appId, e.toString());
                }
            });
        }
    }

    /** One app as the thread sees it. */
    private static final class AppState {
        final String appId;
        /** The saved cursor, once read; -1 before. */
        long cursor = -1;
        /** When to read the ledger next, in {@link System#nanoTime()} terms. */
        long readAt = System.nanoTime();
        Pending current;
        /** Whether this host holds the app's lease, as of the last claim. */
        boolean leased;
        /** When to claim (or renew) the lease next. */
        long claimAt = System.nanoTime();

        AppState(String appId) {
            this.appId = appId;
        }
    }

    /** The message an app is sending, between its first attempt and being settled. */
    private static final class Pending {
        final WebhookMessage message;
        int attempts;
        long dueAt;
        boolean inFlight;
        Instant lastAttemptAt;

        Pending(WebhookMessage message, long dueAt) {
            this.message = message;
            this.dueAt = dueAt;
        }
    }

    private record Outcome(String appId, Pending pending, AttemptOutcome outcome) {
    }

    private void run() {
        long appsReadAt = System.nanoTime();
        while (!closed) {
            try {
                long now = System.nanoTime();
                if (now - appsReadAt >= 0) {
                    appsReadAt = now + pollNanos;
                    refreshApps();
                }
                long wakeAt = appsReadAt;
                for (AppState app : apps.values()) {
                    turn(app, now);
                    wakeAt = earlier(wakeAt, app.claimAt);
                    // While a request is in flight, its outcome arriving wakes the thread.
                    if (app.current == null) {
                        wakeAt = earlier(wakeAt, app.readAt);
                    } else if (!app.current.inFlight) {
                        wakeAt = earlier(wakeAt, app.current.dueAt);
                    }
                }
                Object signal = signals.poll(Math.max(0, wakeAt - System.nanoTime()), TimeUnit.NANOSECONDS);
                while (signal != null && !closed) {
                    handle(signal);
                    signal = signals.poll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // Never let the thread die; the failing app's own turn is already guarded, so
                // this is the app list or a signal. Try again after a pause rather than spin.
                LOG.error("webhook dispatcher failed; going on in {}", settings.pollInterval(), e);
                appsReadAt = System.nanoTime() + pollNanos;
                pause();
            }
        }
    }

    private void refreshApps() {
        List<String> ids = feed.apps();
        apps.keySet().retainAll(new HashSet<>(ids));
        for (String id : ids) {
            apps.computeIfAbsent(id, AppState::new);
        }
    }

    private void handle(Object signal) {
        if (signal instanceof String appId) {
            apps.computeIfAbsent(appId, AppState::new).readAt = System.nanoTime();
        } else if (signal instanceof Outcome outcome) {
            AppState app = apps.get(outcome.appId());
            if (app != null && app.current == outcome.pending()) {
                guarded(app, () -> settleAttempt(app, outcome.outcome()));
            }
        }
    }

    /** What one app does when the thread comes round: read its ledger, or start an attempt that is due. */
    private void turn(AppState app, long now) {
        guarded(app, () -> {
            if (!ourTurn(app, now)) {
                return;
            }
            if (app.current == null && now - app.readAt >= 0) {
                readLedger(app, now);
            }
            if (app.current != null && !app.current.inFlight && now - app.current.dueAt >= 0) {
                attempt(app);
            }
        });
    }

    private void guarded(AppState app, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            LOG.warn("webhooks of app {} failed; trying again in {}", app.appId, settings.pollInterval(), e);
            app.readAt = System.nanoTime() + pollNanos;
            if (app.current != null && !app.current.inFlight) {
                app.current.dueAt = app.readAt;
            }
        }
    }

    /**
     * Whether this host sends the app's webhooks: it holds the app's lease, renewed when due. A
     * host without it forgets the app's message and cursor: the holder owns them, and they are
     * read afresh should the lease come back.
     */
    private boolean ourTurn(AppState app, long now) {
        if (now - app.claimAt < 0) {
            return app.leased;
        }
        boolean had = app.leased;
        // Not ours while we cannot tell: should the claim fail, the lease may be running out.
        app.leased = false;
        app.claimAt = now + Math.min(RENEW_NANOS, pollNanos);
        boolean leased = feed.claim(app.appId, hostId, LEASE);
        if (leased) {
            app.leased = true;
            app.claimAt = now + RENEW_NANOS;
            if (!had) {
                app.cursor = -1;
            }
        } else {
            if (had) {
                LOG.info("another host sends the webhooks of app {} now", app.appId);
            }
            app.current = null;
        }
        return leased;
    }

    /** Steps the cursor over entries that need no message, up to the app's next tier entry. */
    private void readLedger(AppState app, long now) {
        if (app.cursor < 0) {
            app.cursor = feed.cursor(app.appId);
        }
        boolean hasEndpoint = endpoints.of(app.appId).isPresent();
        for (int pages = 0; pages < PAGES_PER_TURN; pages++) {
            List<LedgerEntry> page = feed.after(app.appId, app.cursor, PAGE);
            LedgerEntry tier = hasEndpoint ? page.stream().filter(TierReachedEvent::announcedBy).findFirst().orElse(null) : null;
            if (tier != null) {
                int index = page.indexOf(tier);
                if (index > 0) {
                    moveCursor(app, page.get(index - 1).seq());
                }
                app.current = new Pending(TierReachedEvent.of(tier), now);
                return;
            }
            if (!page.isEmpty()) {
                moveCursor(app, page.get(page.size() - 1).seq());
            }
            if (page.size() < PAGE) {
                app.readAt = now + pollNanos;
                return;
            }
        }
        // More pages wait: the next round continues, after the other apps had their turn.
        app.readAt = now;
    }

    private void attempt(AppState app) {
        Pending pending = app.current;
        Optional<WebhookEndpoint> endpoint = endpoints.of(app.appId);
        if (endpoint.isEmpty()) {
            LOG.info("app {} removed its webhook URL; {} is not sent", app.appId, pending.message.id());
            record(app.appId, pending, State.GAVE_UP, null, "the app removed its webhook URL", null);
            settle(app);
            return;
        }
        if (!stillInLedger(app, pending)) {
            LOG.info("the entry behind webhook {} of app {} is gone (its rater was erased); it is not sent",
                    pending.message.id(), app.appId);
            record(app.appId, pending, State.GAVE_UP, null, "its rater was erased", null);
            settle(app);
            return;
        }
        pending.inFlight = true;
        pending.lastAttemptAt = Instant.now();
        sender.send(endpoint.get(), pending.message)
                .thenAccept(outcome -> signals.add(new Outcome(app.appId, pending, outcome)));
    }

    /**
     * Whether the ledger still holds the message's entry: a rater erased while their message
     * waits for a retry has no ledger any more, and their id must not be sent after that.
     */
    private boolean stillInLedger(AppState app, Pending pending) {
        long seq = pending.message.ledgerSeq();
        List<LedgerEntry> entry = feed.after(app.appId, seq - 1, 1);
        return !entry.isEmpty() && entry.get(0).seq() == seq;
    }

    private void settleAttempt(AppState app, AttemptOutcome outcome) {
        Pending pending = app.current;
        pending.inFlight = false;
        pending.attempts++;
        Integer status = outcome.status() == 0 ? null : outcome.status();
        if (outcome.delivered()) {
            record(app.appId, pending, State.DELIVERED, status, null, null);
            settle(app);
        } else if (pending.attempts >= settings.maxAttempts()) {
            LOG.warn("gave up on webhook {} of app {} after {} attempts; last: {}", pending.message.id(), app.appId,
                    pending.attempts, status != null ? "status " + status : outcome.error());
            record(app.appId, pending, State.GAVE_UP, status, outcome.error(), null);
            settle(app);
        } else {
            Duration delay = settings.retryDelay(pending.attempts, ThreadLocalRandom.current().nextDouble());
            pending.dueAt = System.nanoTime() + delay.toNanos();
            record(app.appId, pending, State.RETRYING, status, outcome.error(), Instant.now().plus(delay));
        }
    }

    /** The current message is done with: past it, and on to the next at once. */
    private void settle(AppState app) {
        long seq = app.current.message.ledgerSeq();
        app.current = null;
        app.readAt = System.nanoTime();
        moveCursor(app, seq);
    }

    private void moveCursor(AppState app, long seq) {
        // Kept in memory first: should saving fail, the app still goes on, and the next save
        // (or, after a restart, a second delivery under the same webhook-id) catches up.
        app.cursor = seq;
        feed.saveCursor(app.appId, seq);
    }

    private void record(String appId, Pending pending, State state, Integer status, String error, Instant next) {
        WebhookDelivery delivery = new WebhookDelivery(pending.message.id(), pending.message.ledgerSeq(), state,
                pending.attempts, status, error, pending.lastAttemptAt, next);
        recent.compute(appId, (id, list) -> {
            List<WebhookDelivery> updated = new ArrayList<>(RECENT_DELIVERIES);
            updated.add(delivery);
            if (list != null) {
                for (WebhookDelivery earlier : list) {
                    if (!earlier.id().equals(delivery.id()) && updated.size() < RECENT_DELIVERIES) {
                        updated.add(earlier);
                    }
                }
            }
            return List.copyOf(updated);
        });
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    private void pause() {
        try {
            Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(pollNanos), 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }
}
