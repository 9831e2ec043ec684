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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise, end to end: clients send votes with retries while the server process
 * is killed with SIGKILL and started again on the same data. Every vote that was acknowledged
 * with 202 must be stored, and every vote exactly once. (GracefulShutdownIT: the same with SIGTERM.)
 */
class CrashRecoveryIT {
    private static final int CLIENTS = 4;
    private static final int BATCHES_PER_CLIENT = 60;
    private static final int VOTES_PER_BATCH = 25;
    private static final int ITEMS = 40;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedVoteSurvivesSigkillExactlyOnce() throws Exception {
        Path data = dir.resolve("data");
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        int port = VoteClients.freePort();
        List<String> serve = List.of("serve", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--data", data.toString(), "--plugins-dir", plugins.toString(),
                "--limits.address-requests-per-second", "1000000", "--limits.address-burst", "1000000",
                "--limits.key-requests-per-second", "1000000", "--limits.key-burst", "1000000");

        HostProcess create = HostProcess.launch(dir.resolve("logs"), List.of("apps", "create", "--name", "crash",
                "--origin", TestHost.ORIGIN, "--data", data.toString(), "--plugins-dir", plugins.toString()));
        assertEquals(0, create.waitFor(Duration.ofSeconds(60)), create.stderr());
        JsonObject keys = JsonParser.parseString(create.stdout()).getAsJsonObject();
        String pk = keys.get("publishableKey").getAsString();
        String sk = keys.get("secretKey").getAsString();

        Http http = new Http("http://127.0.0.1:" + port);
        HostProcess first = HostProcess.launch(dir.resolve("logs"), serve);
        first.awaitReady(Duration.ofSeconds(60));
        VoteClients.pushItems(http, sk, ITEMS);

        VoteClients clients = new VoteClients(http, pk, ITEMS, VOTES_PER_BATCH);
        clients.start(CLIENTS, BATCHES_PER_CLIENT, Duration.ofMinutes(3));
        clients.awaitAcknowledged(CLIENTS * BATCHES_PER_CLIENT / 3);
        first.kill();
        int ackedBeforeKill = clients.ackedBatches();
        HostProcess second = HostProcess.launch(dir.resolve("logs"), serve);
        try {
            second.awaitReady(Duration.ofSeconds(60));
            clients.finish();
            clients.assertEachStoredOnce(http, sk);
            assertTrue(ackedBeforeKill < CLIENTS * BATCHES_PER_CLIENT, "the kill must happen while clients are sending");
            assertTrue(clients.retries() > 0, "clients must have seen the outage");
        } finally {
            second.close();
        }
    }
}
