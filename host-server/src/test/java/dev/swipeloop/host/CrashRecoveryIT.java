package dev.swipeloop.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.HostProcess;
import dev.swipeloop.host.testing.Http;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.sdk.storage.UuidV7;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise, end to end: clients send votes with retries while the server process
 * is killed with SIGKILL and started again on the same data. Every vote that was acknowledged
 * with 202 must be stored, and every vote exactly once.
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
        int port = freePort();
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
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":\"item-").append(i).append("\",\"imageUrl\":\"https://img.example/")
                 .append(i).append(".png\"}");
        }
        assertEquals(200, http.post("/v1/items", sk, null, items.append("]}").toString()).statusCode());

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicInteger ackedBatches = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        for (int c = 0; c < CLIENTS; c++) {
            String rater = "rater-" + c;
            clients.add(pool.submit(() -> {
                for (int b = 0; b < BATCHES_PER_CLIENT; b++) {
                    List<String> ids = new ArrayList<>();
                    String body = batch(rater, ids);
                    sent.addAll(ids);
                    while (true) {
                        assertTrue(Instant.now().isBefore(deadline), "a batch was never acknowledged");
                        try {
                            HttpResponse<String> res = http.post("/v1/votes", pk, TestHost.ORIGIN, body);
                            if (res.statusCode() == 202) {
                                acknowledged.addAll(ids);
                                ackedBatches.incrementAndGet();
                                break;
                            }
                            assertTrue(res.statusCode() >= 500 || res.statusCode() == 429, "unexpected " + res.statusCode() + ": " + res.body());
                        } catch (UncheckedIOException e) {
                            // Connection refused or reset while the server is down: retry, like the widget does.
                        }
                        retries.incrementAndGet();
                        Thread.sleep(20 + ThreadLocalRandom.current().nextInt(80));
                    }
                }
                return null;
            }));
        }

        while (ackedBatches.get() < CLIENTS * BATCHES_PER_CLIENT / 3) {
            Thread.sleep(5);
        }
        first.kill();
        int ackedBeforeKill = ackedBatches.get();
        HostProcess second = HostProcess.launch(dir.resolve("logs"), serve);
        try {
            second.awaitReady(Duration.ofSeconds(60));
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();

            Map<String, Integer> stored = storedVoteIds(http, sk);
            List<String> doubled = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            assertEquals(List.of(), doubled, "votes stored more than once");
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored.keySet());
            assertEquals(Set.of(), missing, "acknowledged votes lost by the crash");
            assertEquals(sent, stored.keySet(), "every vote was retried until acknowledged, so all are stored");
            assertTrue(ackedBeforeKill < CLIENTS * BATCHES_PER_CLIENT, "the kill must happen while clients are sending");
            assertTrue(retries.get() > 0, "clients must have seen the outage");
        } finally {
            second.close();
        }
    }

    private static String batch(String rater, List<String> ids) {
        StringBuilder sb = new StringBuilder("{\"votes\":[");
        for (int v = 0; v < VOTES_PER_BATCH; v++) {
            String id = UuidV7.next().toString();
            ids.add(id);
            sb.append(v == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"rater\":\"").append(rater)
              .append("\",\"kind\":\"binary\",\"item\":\"item-").append(ThreadLocalRandom.current().nextInt(ITEMS))
              .append("\",\"verdict\":\"").append(v % 3 == 0 ? "dislike" : "like").append("\",\"dwellMs\":").append(300 + v)
              .append("}");
        }
        return sb.append("]}").toString();
    }

    private static Map<String, Integer> storedVoteIds(Http http, String sk) {
        Map<String, Integer> counts = new HashMap<>();
        long after = 0;
        while (true) {
            HttpResponse<String> res = http.get("/v1/votes?after=" + after + "&limit=1000", sk);
            assertEquals(200, res.statusCode(), res.body());
            JsonObject page = JsonParser.parseString(res.body()).getAsJsonObject();
            JsonArray votes = page.getAsJsonArray("votes");
            for (JsonElement v : votes) {
                counts.merge(v.getAsJsonObject().get("id").getAsString(), 1, Integer::sum);
            }
            if (page.get("next").isJsonNull()) {
                return counts;
            }
            after = page.get("next").getAsLong();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
