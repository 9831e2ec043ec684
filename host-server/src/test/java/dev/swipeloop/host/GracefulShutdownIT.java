package dev.swipeloop.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.HostProcess;
import dev.swipeloop.host.testing.Http;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.VoteClients;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown during load loses no acknowledged vote: a real host process under several clients
 * sending vote batches gets SIGTERM in the middle. {@code /ready} turns 503 at once while votes are
 * still taken for {@code shutdown.drainDelayMillis}; then the commit queue is drained and the
 * process exits by itself. Started again on the same data, every vote that got 202 is stored
 * exactly once, and the votes refused meanwhile (503, refused connections) are stored once when
 * their clients resend them. (CrashRecoveryIT: the same with SIGKILL.)
 */
class GracefulShutdownIT {
    private static final int CLIENTS = 6;
    private static final int BATCHES_PER_CLIENT = 300;
    private static final int VOTES_PER_BATCH = 25;
    private static final int ITEMS = 40;
    private static final int DRAIN_DELAY_MILLIS = 1500;

    @TempDir
    Path dir;

    @Test
    void sigtermUnderLoadLosesNoAcknowledgedVote() throws Exception {
        Path data = dir.resolve("data");
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        int port = VoteClients.freePort();
        List<String> serve = List.of("serve", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--data", data.toString(), "--plugins-dir", plugins.toString(),
                "--shutdown.drain-delay-millis", String.valueOf(DRAIN_DELAY_MILLIS),
                "--limits.address-requests-per-second", "1000000", "--limits.address-burst", "1000000",
                "--limits.key-requests-per-second", "1000000", "--limits.key-burst", "1000000");

        HostProcess create = HostProcess.launch(dir.resolve("logs"), List.of("apps", "create", "--name", "drain",
                "--origin", TestHost.ORIGIN, "--data", data.toString(), "--plugins-dir", plugins.toString()));
        assertEquals(0, create.waitFor(Duration.ofSeconds(60)), create.stderr());
        JsonObject keys = JsonParser.parseString(create.stdout()).getAsJsonObject();
        String pk = keys.get("publishableKey").getAsString();
        String sk = keys.get("secretKey").getAsString();

        Http http = new Http("http://127.0.0.1:" + port);
        HostProcess first = HostProcess.launch(dir.resolve("logs"), serve);
        first.awaitReady(Duration.ofSeconds(60));
        awaitReady(http);
        VoteClients.pushItems(http, sk, ITEMS);

        VoteClients clients = new VoteClients(http, pk, ITEMS, VOTES_PER_BATCH);
        clients.start(CLIENTS, BATCHES_PER_CLIENT, Duration.ofMinutes(3));
        clients.awaitAcknowledged(CLIENTS * 20);
        first.terminate();
        long notReadyAt = awaitDraining(http);
        // Still taking votes while /ready says 503: balancers get the delay to stop sending.
        while (first.isAlive() && clients.lastAckNanos() < notReadyAt) {
            Thread.sleep(5);
        }
        assertTrue(clients.lastAckNanos() > notReadyAt, "a vote was acknowledged after /ready turned 503");
        first.waitFor(Duration.ofSeconds(60));
        int ackedAtShutdown = clients.ackedBatches();
        assertTrue(first.stderr().contains("Shutting down: /ready answers 503"), first.stderr());

        HostProcess second = HostProcess.launch(dir.resolve("logs"), serve);
        try {
            second.awaitReady(Duration.ofSeconds(60));
            clients.finish();
            clients.assertEachStoredOnce(http, sk);
            System.out.println("SIGTERM under load: " + ackedAtShutdown + " batches acknowledged by the first process, "
                    + clients.retries() + " resends, " + clients.sent().size() + " votes each stored once");
            assertTrue(ackedAtShutdown < CLIENTS * BATCHES_PER_CLIENT, "the shutdown must happen while clients send");
            assertTrue(clients.retries() > 0, "clients must have been refused during the shutdown");
        } finally {
            second.close();
        }
    }

    private static void awaitReady(Http http) throws InterruptedException {
        for (int i = 0; i < 400 && http.get("/ready", null).statusCode() != 200; i++) {
            Thread.sleep(50);
        }
        assertEquals(200, http.get("/ready", null).statusCode());
    }

    /** Polls /ready right after SIGTERM; returns when it first answered 503 draining. */
    private static long awaitDraining(Http http) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(DRAIN_DELAY_MILLIS).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.get("/ready", null);
                if (ready.statusCode() == 503) {
                    assertEquals("draining", JsonParser.parseString(ready.body()).getAsJsonObject().get("status")
                            .getAsString(), ready.body());
                    return System.nanoTime();
                }
                assertEquals(200, ready.statusCode(), ready.body());
            } catch (UncheckedIOException e) {
                throw new AssertionError("the host stopped listening before /ready said 503", e);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("/ready did not turn 503 within the drain delay after SIGTERM");
    }
}
