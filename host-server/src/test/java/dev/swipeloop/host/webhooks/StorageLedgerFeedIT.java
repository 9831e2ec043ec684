package dev.swipeloop.host.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.HostVersion;
import dev.swipeloop.host.SwipeloopHost;
import dev.swipeloop.host.apps.AppCreator;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.host.plugin.LoadedPlugins;
import dev.swipeloop.host.hosts.Leases;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.reward.RewardPolicy;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StorageLedgerFeed} over the real SQLite plugin, without a host (whose own dispatcher
 * would move the same cursors): the ledger paged in seq order, a cursor per app that survives
 * reopening the database, and a dispatcher that resumes after it.
 */
class StorageLedgerFeedIT {
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00.123456Z");

    @TempDir
    Path dir;

    @Test
    void pagesTheLedgerAndKeepsACursorPerAppAcrossARestart() {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        String appA;
        String appB;
        List<LedgerEntry> ledgerA;
        try (LoadedPlugins loaded = open(plugins)) {
            StorageBackend storage = loaded.storage();
            appA = new AppCreator(storage).create("a", List.of("https://a.example")).app().id();
            appB = new AppCreator(storage).create("b", List.of("https://b.example")).app().id();
            ledgerA = storage.appendLedger(List.of(points(appA), tier(appA, "bronze"), points(appA)));
            storage.appendLedger(List.of(tier(appB, "gold")));
            StorageLedgerFeed feed = new StorageLedgerFeed(storage, leases(storage));

            assertTrue(feed.apps().containsAll(List.of(appA, appB)), feed.apps().toString());
            assertEquals(0, feed.cursor(appA));
            assertEquals(ledgerA, feed.after(appA, 0, 10));
            assertEquals(ledgerA.subList(1, 3), feed.after(appA, ledgerA.get(0).seq(), 10));
            assertEquals(ledgerA.subList(0, 2), feed.after(appA, 0, 2));
            feed.saveCursor(appA, ledgerA.get(1).seq());
            assertEquals(0, feed.cursor(appB), "another app's cursor of the same name");
        }
        try (LoadedPlugins loaded = open(plugins)) {
            assertEquals(ledgerA.get(1).seq(), new StorageLedgerFeed(loaded.storage(), leases(loaded.storage())).cursor(appA));
        }
    }

    @Test
    void aDispatcherOverSqliteResumesAfterTheSavedCursor() {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        String secret = WebhookSecrets.generate();
        try (TestReceiver receiver = new TestReceiver((id, attempt) -> 204)) {
            WebhookSettings settings = new WebhookSettings(Duration.ofMillis(20), 1.0, 3, Duration.ofSeconds(1),
                    Duration.ofSeconds(5), 0, Duration.ofMinutes(1));
            String app;
            LedgerEntry first;
            try (LoadedPlugins loaded = open(plugins)) {
                StorageBackend storage = loaded.storage();
                app = new AppCreator(storage).create("a", List.of("https://a.example")).app().id();
                first = storage.appendLedger(List.of(points(app), tier(app, "bronze"))).get(1);
                WebhookEndpoints endpoints = id -> Optional.of(new WebhookEndpoint(receiver.url(), secret));
                StorageLedgerFeed feed = new StorageLedgerFeed(storage, leases(storage));
                try (WebhookDispatcher dispatcher = new WebhookDispatcher(feed, endpoints, settings, "host-a")) {
                    await(() -> feed.cursor(app) == first.seq());
                    assertEquals(0, dispatcher.status(app).pending());
                }
            }
            try (LoadedPlugins loaded = open(plugins)) {
                StorageBackend storage = loaded.storage();
                LedgerEntry later = storage.appendLedger(List.of(tier(app, "silver"))).get(0);
                WebhookEndpoints endpoints = id -> Optional.of(new WebhookEndpoint(receiver.url(), secret));
                StorageLedgerFeed feed = new StorageLedgerFeed(storage, leases(storage));
                try (WebhookDispatcher dispatcher = new WebhookDispatcher(feed, endpoints, settings, "host-a")) {
                    await(() -> feed.cursor(app) == later.seq());
                    assertEquals(0, dispatcher.status(app).pending());
                }
                assertEquals(List.of("msg_" + app + "_" + first.seq(), "msg_" + app + "_" + later.seq()),
                        receiver.requests().stream().map(TestReceiver.Request::id).toList());
            }
        }
    }

    private static Leases leases(StorageBackend storage) {
        return Leases.over(storage, "host-a", Clock.systemUTC());
    }

    private LoadedPlugins open(Path plugins) {
        Path data = dir.resolve("data");
        SwipeloopHost.createDataDir(data);
        return LoadedPlugins.load(plugins, data, HostVersion.get(), "sqlite",
                new SettingSources(Map.of(), Map.of(), Map.of()));
    }

    private static LedgerEntry points(String app) {
        return new LedgerEntry(app, "r1", "points", 1, "vote", UUID.randomUUID(), AT, 0);
    }

    private static LedgerEntry tier(String app, String tier) {
        return new LedgerEntry(app, "r1", "tiers", 0, RewardPolicy.TIER_REASON_PREFIX + tier, UUID.randomUUID(), AT, 0);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for the webhooks cursor");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
