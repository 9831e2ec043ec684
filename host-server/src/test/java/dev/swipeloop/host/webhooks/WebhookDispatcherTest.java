package dev.swipeloop.host.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.webhooks.TestReceiver.Request;
import dev.swipeloop.host.webhooks.WebhookDelivery.State;
import dev.swipeloop.sdk.model.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher against real local receivers over HTTP: retries, giving up, restarts, and
 * apps that must not wait for each other. The ledger is in memory (see StorageLedgerFeedIT for
 * the same over SQLite).
 */
class WebhookDispatcherTest {
    private static final String SECRET = WebhookSecrets.generate();
    private static final int NO_CONTENT = 204;
    private static final int SERVER_ERROR = 500;

    private final InMemoryLedgerFeed feed = new InMemoryLedgerFeed();
    private final Map<String, WebhookEndpoint> endpointByApp = new ConcurrentHashMap<>();
    private final WebhookEndpoints endpoints = app -> Optional.ofNullable(endpointByApp.get(app));
    private TestReceiver receiver;
    private WebhookDispatcher dispatcher;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void retriesTheSameSignedMessageUntilA2xxWithGrowingWaits() throws Exception {
        receiver = new TestReceiver((id, attempt) -> attempt <= 2 ? SERVER_ERROR : NO_CONTENT);
        endpointByApp.put("app1", new WebhookEndpoint(receiver.url(), SECRET));
        feed.addPoints("app1", "r1");
        LedgerEntry tier = feed.addTier("app1", "r1", "early access");

        dispatcher = new WebhookDispatcher(feed, endpoints, settings(Duration.ofMillis(200), 2.0, 5), "host-a");
        String id = "msg_app1_" + tier.seq();
        await(() -> receiver.requests().size() >= 3, "three attempts");
        Thread.sleep(600); // longer than the next wait would be: no fourth attempt comes

        List<Request> attempts = receiver.requests();
        assertEquals(3, attempts.size(), attempts.toString());
        for (Request attempt : attempts) {
            assertEquals(id, attempt.id());
            assertEquals(attempts.get(0).body(), attempt.body());
            assertEquals("application/json", attempt.contentType());
            assertDoesNotThrow(() -> new WebhookSigner(SECRET).verify(attempt.id(), attempt.timestamp(),
                    attempt.signature(), attempt.body()));
            assertEquals("v1," + independentSignature(SECRET, attempt.id() + "." + attempt.timestamp() + "." + attempt.body()),
                    attempt.signature());
        }
        long firstWait = millisBetween(attempts.get(0), attempts.get(1));
        long secondWait = millisBetween(attempts.get(1), attempts.get(2));
        assertTrue(firstWait >= 200, "first wait " + firstWait + " ms");
        assertTrue(secondWait >= 400, "second wait " + secondWait + " ms");
        assertTrue(secondWait > firstWait, firstWait + " ms then " + secondWait + " ms");

        JsonObject body = JsonParser.parseString(attempts.get(0).body()).getAsJsonObject();
        assertEquals("rater.tier_reached", body.get("type").getAsString());
        assertEquals(tier.at().toString(), body.get("timestamp").getAsString());
        JsonObject data = body.getAsJsonObject("data");
        assertEquals("early access", data.get("tier").getAsString());
        assertEquals("r1", data.get("rater").getAsString());
        assertEquals(tier.seq(), data.get("ledgerSeq").getAsLong());

        assertEquals(tier.seq(), feed.cursor("app1"));
        WebhookStatus status = dispatcher.status("app1");
        assertEquals(0, status.pending());
        WebhookDelivery delivery = status.recent().get(0);
        assertEquals(new WebhookDelivery(id, tier.seq(), State.DELIVERED, 3, NO_CONTENT, null,
                delivery.lastAttemptAt(), null), delivery);
    }

    @Test
    void aMessageThatKeepsFailingIsGivenUpAndTheNextOneSent() {
        LedgerEntry doomed = feed.addTier("app1", "r1", "bronze");
        LedgerEntry next = feed.addTier("app1", "r2", "bronze");
        String doomedId = "msg_app1_" + doomed.seq();
        receiver = new TestReceiver((id, attempt) -> id.equals(doomedId) ? SERVER_ERROR : NO_CONTENT);
        endpointByApp.put("app1", new WebhookEndpoint(receiver.url(), SECRET));

        dispatcher = new WebhookDispatcher(feed, endpoints, settings(Duration.ofMillis(20), 1.0, 3), "host-a");
        await(() -> feed.cursor("app1") == next.seq(), "the cursor past both messages");

        List<Request> requests = receiver.requests();
        assertEquals(List.of(doomedId, doomedId, doomedId, "msg_app1_" + next.seq()),
                requests.stream().map(Request::id).toList());
        assertEquals(List.of(doomed.seq(), next.seq()), feed.savedCursors("app1"));
        WebhookDelivery gaveUp = dispatcher.status("app1").recent().get(1);
        assertEquals(doomedId, gaveUp.id());
        assertEquals(State.GAVE_UP, gaveUp.state());
        assertEquals(3, gaveUp.attempts());
        assertEquals(SERVER_ERROR, gaveUp.lastStatus());
    }

    @Test
    void aMessageWaitingForARetryIsNotSentOnceItsRaterIsErased() {
        LedgerEntry erased = feed.addTier("app1", "r1", "bronze");
        String erasedId = "msg_app1_" + erased.seq();
        receiver = new TestReceiver((id, attempt) -> SERVER_ERROR);
        endpointByApp.put("app1", new WebhookEndpoint(receiver.url(), SECRET));

        dispatcher = new WebhookDispatcher(feed, endpoints, settings(Duration.ofMillis(300), 1.0, 5), "host-a");
        await(() -> receiver.requests().size() == 1, "the first attempt");
        feed.erase("app1", "r1");
        await(() -> feed.cursor("app1") == erased.seq(), "the message settled");

        assertEquals(List.of(erasedId), receiver.requests().stream().map(Request::id).toList(),
                "no attempt after the erasure");
        WebhookDelivery gone = dispatcher.status("app1").recent().get(0);
        assertEquals(State.GAVE_UP, gone.state());
        assertEquals("its rater was erased", gone.lastError());
    }

    @Test
    void aNewDispatcherResumesAfterTheSavedCursorAndResendsOnlyWhatWasNotSettled() throws Exception {
        LedgerEntry first = feed.addTier("app1", "r1", "bronze");
        LedgerEntry second = feed.addTier("app1", "r2", "bronze");
        LedgerEntry unsettled = feed.addTier("app1", "r3", "silver");
        String unsettledId = "msg_app1_" + unsettled.seq();
        receiver = new TestReceiver((id, attempt) -> id.equals(unsettledId) && attempt == 1 ? SERVER_ERROR : NO_CONTENT);
        endpointByApp.put("app1", new WebhookEndpoint(receiver.url(), SECRET));

        // The third message fails once and waits a minute for its retry when the host stops.
        dispatcher = new WebhookDispatcher(feed, endpoints, settings(Duration.ofMinutes(1), 2.0, 5), "host-a");
        await(() -> receiver.requests(unsettledId).size() == 1, "the third message's first attempt");
        await(() -> dispatcher.status("app1").recent().get(0).state() == State.RETRYING, "the retry to be scheduled");
        dispatcher.close();
        assertEquals(second.seq(), feed.cursor("app1"));

        LedgerEntry later = feed.addTier("app1", "r4", "gold");
        dispatcher = new WebhookDispatcher(feed, endpoints, settings(Duration.ofMinutes(1), 2.0, 5), "host-a");
        await(() -> feed.cursor("app1") == later.seq(), "the cursor past the later message");
        Thread.sleep(200);

        List<String> ids = receiver.requests().stream().map(Request::id).toList();
        assertEquals(List.of("msg_app1_" + first.seq(), "msg_app1_" + second.seq(), unsettledId, unsettledId,
                "msg_app1_" + later.seq()), ids);
        List<Request> unsettledAttempts = receiver.requests(unsettledId);
        assertEquals(unsettledAttempts.get(0).body(), unsettledAttempts.get(1).body());
    }

    @Test
    void anAppWhoseEndpointHangsDoesNotHoldUpAnotherApp() {
        try (TestReceiver hung = new TestReceiver((id, attempt) -> NO_CONTENT).pausing(5_000)) {
            receiver = new TestReceiver((id, attempt) -> NO_CONTENT);
            for (String app : List.of("hung1", "hung2", "hung3")) {
                endpointByApp.put(app, new WebhookEndpoint(hung.url(), SECRET));
                feed.addTier(app, "r1", "bronze");
            }
            endpointByApp.put("live", new WebhookEndpoint(receiver.url(), SECRET));
            feed.addApp("live");

            // Each hung attempt takes the whole 1.5 s timeout and is retried at once.
            dispatcher = new WebhookDispatcher(feed, endpoints, new WebhookSettings(Duration.ofMillis(1), 1.0, 100,
                    Duration.ofMillis(1), Duration.ofMillis(1500), 0, Duration.ofMinutes(1)), "host-a");
            await(() -> hung.requests().size() >= 3, "the hung apps' first attempts");
            for (int i = 1; i <= 3; i++) {
                LedgerEntry tier = feed.addTier("live", "r" + i, "bronze");
                long poked = System.nanoTime();
                dispatcher.poke("live");
                await(() -> receiver.requests("msg_live_" + tier.seq()).size() == 1, "the live app's message " + i);
                long waited = (receiver.requests("msg_live_" + tier.seq()).get(0).receivedNanos() - poked) / 1_000_000;
                assertTrue(waited < 500, "the live app's message " + i + " waited " + waited + " ms");
            }
            await(() -> !dispatcher.status("hung1").recent().isEmpty(), "the first hung attempt to time out");
            WebhookDelivery hungDelivery = dispatcher.status("hung1").recent().get(0);
            assertEquals(State.RETRYING, hungDelivery.state());
            assertNull(hungDelivery.lastStatus());
            assertTrue(hungDelivery.lastError().contains("Timeout"), hungDelivery.lastError());
        }
    }

    @Test
    void entriesFromBeforeAnAppSetItsUrlAreNeverSent() throws Exception {
        receiver = new TestReceiver((id, attempt) -> NO_CONTENT);
        feed.addTier("app1", "r1", "bronze");
        LedgerEntry last = feed.addPoints("app1", "r1");

        dispatcher = new WebhookDispatcher(feed, endpoints, settings(Duration.ofMillis(20), 1.0, 3), "host-a");
        await(() -> feed.cursor("app1") == last.seq(), "the cursor moved over the app's ledger");
        assertEquals(0, dispatcher.status("app1").pending());
        assertFalse(dispatcher.status("app1").endpointSet());

        endpointByApp.put("app1", new WebhookEndpoint(receiver.url(), SECRET));
        LedgerEntry after = feed.addTier("app1", "r2", "silver");
        dispatcher.poke("app1");
        await(() -> feed.cursor("app1") == after.seq(), "the cursor past the new message");
        Thread.sleep(100);

        assertEquals(List.of("msg_app1_" + after.seq()), receiver.requests().stream().map(Request::id).toList());
    }

    @Test
    void entriesThatAnnounceNoTierAreSteppedOverAPageAtATime() {
        receiver = new TestReceiver((id, attempt) -> NO_CONTENT);
        endpointByApp.put("app1", new WebhookEndpoint(receiver.url(), SECRET));
        for (int i = 0; i < 1200; i++) {
            feed.addPoints("app1", "r" + (i % 7));
        }
        LedgerEntry tier = feed.addTier("app1", "r1", "gold");

        dispatcher = new WebhookDispatcher(feed, endpoints, settings(Duration.ofMillis(20), 1.0, 3), "host-a");
        await(() -> feed.cursor("app1") == tier.seq(), "the cursor past the tier entry");

        assertEquals(List.of(500L, 1000L, 1200L, 1201L), feed.savedCursors("app1"));
        assertEquals(List.of("msg_app1_1201"), receiver.requests().stream().map(Request::id).toList());
    }

    @Test
    void anAppWhoseLedgerCannotBeReadDoesNotStopTheOthers() {
        receiver = new TestReceiver((id, attempt) -> NO_CONTENT);
        endpointByApp.put("broken", new WebhookEndpoint(receiver.url(), SECRET));
        endpointByApp.put("fine", new WebhookEndpoint(receiver.url(), SECRET));
        LedgerEntry brokenTier = feed.addTier("broken", "r1", "bronze");
        LedgerEntry fineTier = feed.addTier("fine", "r1", "bronze");
        feed.failingApps.add("broken");

        dispatcher = new WebhookDispatcher(feed, endpoints, settings(Duration.ofMillis(20), 1.0, 3), "host-a");
        await(() -> feed.cursor("fine") == fineTier.seq(), "the fine app's message");

        feed.failingApps.remove("broken");
        dispatcher.poke("broken");
        await(() -> feed.cursor("broken") == brokenTier.seq(), "the broken app's message once it can be read");
    }

    @Test
    void ofTwoHostsOnOneLedgerOneSendsEachMessageAndTheOtherTakesOverWhenItStops() throws Exception {
        receiver = new TestReceiver((id, attempt) -> NO_CONTENT);
        endpointByApp.put("app1", new WebhookEndpoint(receiver.url(), SECRET));
        LedgerEntry first = feed.addTier("app1", "r1", "bronze");
        LedgerEntry second = feed.addTier("app1", "r2", "bronze");
        WebhookSettings quickPolls = new WebhookSettings(Duration.ofMillis(20), 1.0, 3, Duration.ofMinutes(5),
                Duration.ofSeconds(5), 0, Duration.ofMillis(50));

        dispatcher = new WebhookDispatcher(feed, endpoints, quickPolls, "host-a");
        try (WebhookDispatcher other = new WebhookDispatcher(feed, endpoints, quickPolls, "host-b")) {
            await(() -> feed.cursor("app1") == second.seq(), "both messages");
            Thread.sleep(300); // many polls of both hosts: nothing is sent twice
            assertEquals(List.of("msg_app1_" + first.seq(), "msg_app1_" + second.seq()),
                    receiver.requests().stream().map(Request::id).toList());

            WebhookDispatcher holder = dispatcher.status("app1").recent().isEmpty() ? other : dispatcher;
            WebhookDispatcher standby = holder == dispatcher ? other : dispatcher;
            holder.close();
            LedgerEntry third = feed.addTier("app1", "r3", "silver");
            standby.poke("app1");
            await(() -> feed.cursor("app1") == third.seq(), "the message after the holder stopped");
            assertEquals("msg_app1_" + third.seq(), standby.status("app1").recent().get(0).id());
            assertEquals(3, receiver.requests().size());
        }
    }

    private static WebhookSettings settings(Duration firstRetry, double factor, int maxAttempts) {
        return new WebhookSettings(firstRetry, factor, maxAttempts, Duration.ofMinutes(5), Duration.ofSeconds(5), 0,
                Duration.ofMinutes(1));
    }

    private static String independentSignature(String secret, String signedContent) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
    }

    private static long millisBetween(Request earlier, Request later) {
        return (later.receivedNanos() - earlier.receivedNanos()) / 1_000_000;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
