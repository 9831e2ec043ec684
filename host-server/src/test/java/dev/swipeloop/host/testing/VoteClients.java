package dev.swipeloop.host.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.sdk.storage.UuidV7;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that send vote batches to a host the way the widget does: each batch is resent, same
 * ids, until it is acknowledged with 202, across 5xx answers, refused connections and restarts.
 * What they saw is kept for the durability tests: every id sent, every id acknowledged.
 */
public final class VoteClients {
    private final Http http;
    private final String publishableKey;
    private final int items;
    private final int votesPerBatch;
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ackedBatches = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicLong lastAckNanos = new AtomicLong();
    private final List<Future<?>> clients = new ArrayList<>();
    private ExecutorService pool;

    public VoteClients(Http http, String publishableKey, int items, int votesPerBatch) {
        this.http = http;
        this.publishableKey = publishableKey;
        this.items = items;
        this.votesPerBatch = votesPerBatch;
    }

    /** Upserts {@code item-0 … item-(items-1)} with the secret key. */
    public static void pushItems(Http http, String secretKey, int items) {
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < items; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"item-").append(i)
                .append("\",\"imageUrl\":\"https://img.example/").append(i).append(".png\"}");
        }
        assertEquals(200, http.post("/v1/items", secretKey, null, body.append("]}").toString()).statusCode());
    }

    /** Starts {@code count} clients, each sending {@code batches} batches one after the other. */
    public void start(int count, int batches, Duration giveUpAfter) {
        pool = Executors.newFixedThreadPool(count);
        Instant deadline = Instant.now().plus(giveUpAfter);
        for (int c = 0; c < count; c++) {
            String rater = "rater-" + c;
            clients.add(pool.submit(() -> {
                for (int b = 0; b < batches; b++) {
                    send(rater, deadline);
                }
                return null;
            }));
        }
    }

    private void send(String rater, Instant deadline) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        String body = batch(rater, ids);
        sent.addAll(ids);
        while (true) {
            assertTrue(Instant.now().isBefore(deadline), "a batch was never acknowledged");
            try {
                HttpResponse<String> res = http.post("/v1/votes", publishableKey, TestHost.ORIGIN, body);
                if (res.statusCode() == 202) {
                    acknowledged.addAll(ids);
                    ackedBatches.incrementAndGet();
                    lastAckNanos.accumulateAndGet(System.nanoTime(), Math::max);
                    return;
                }
                assertTrue(res.statusCode() >= 500 || res.statusCode() == 429, "unexpected " + res.statusCode() + ": "
                        + res.body());
            } catch (UncheckedIOException e) {
                // Connection refused or reset while the server is down: retry, like the widget does.
            }
            retries.incrementAndGet();
            Thread.sleep(20 + ThreadLocalRandom.current().nextInt(80));
        }
    }

    private String batch(String rater, List<String> ids) {
        StringBuilder sb = new StringBuilder("{\"votes\":[");
        for (int v = 0; v < votesPerBatch; v++) {
            String id = UuidV7.next().toString();
            ids.add(id);
            sb.append(v == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"rater\":\"").append(rater)
              .append("\",\"kind\":\"binary\",\"item\":\"item-").append(ThreadLocalRandom.current().nextInt(items))
              .append("\",\"verdict\":\"").append(v % 3 == 0 ? "dislike" : "like").append("\",\"dwellMs\":").append(300 + v)
              .append("}");
        }
        return sb.append("]}").toString();
    }

    /** Waits until at least {@code batches} batches were acknowledged. */
    public void awaitAcknowledged(int batches) throws InterruptedException {
        while (ackedBatches.get() < batches) {
            Thread.sleep(5);
        }
    }

    /** Waits for every client to have every batch acknowledged. */
    public void finish() throws Exception {
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
    }

    public Set<String> sent() {
        return sent;
    }

    public Set<String> acknowledged() {
        return acknowledged;
    }

    public int ackedBatches() {
        return ackedBatches.get();
    }

    public int retries() {
        return retries.get();
    }

    /** {@link System#nanoTime()} of the latest 202 seen so far. */
    public long lastAckNanos() {
        return lastAckNanos.get();
    }

    /**
     * Reads every vote back: none is stored twice, none acknowledged is missing, and every one sent
     * is stored (each was resent until acknowledged).
     */
    public void assertEachStoredOnce(Http reader, String secretKey) {
        Map<String, Integer> stored = storedVoteIds(reader, secretKey);
        List<String> doubled = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), doubled, "votes stored more than once");
        Set<String> missing = new java.util.HashSet<>(acknowledged);
        missing.removeAll(stored.keySet());
        assertEquals(Set.of(), missing, "acknowledged votes lost");
        assertEquals(sent, stored.keySet(), "every vote was resent until acknowledged, so all are stored");
    }

    /** How many times each stored vote id appears, read through {@code GET /v1/votes}. */
    public static Map<String, Integer> storedVoteIds(Http http, String secretKey) {
        Map<String, Integer> counts = new HashMap<>();
        long after = 0;
        while (true) {
            HttpResponse<String> res = http.get("/v1/votes?after=" + after + "&limit=1000", secretKey);
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

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
