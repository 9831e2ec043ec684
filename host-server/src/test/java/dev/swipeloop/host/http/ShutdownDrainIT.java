package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestHost.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the host while votes are in flight: every 202 is stored, no vote refused with 503 is. */
class ShutdownDrainIT {
    @TempDir
    Path dir;

    @Test
    void votesInFlightAtShutdownAreCommittedAndAnswered() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        TestApp app;
        TestHost host = TestHost.start(dir);
        try {
            app = host.createApp("busy");
            host.http().post("/v1/items", app.secretKey(), null, "{\"items\":[{\"id\":\"a\",\"imageUrl\":\"https://x.example/a\"}]}");
            HttpClient client = HttpClient.newHttpClient();
            String url = host.url() + "/v1/votes";
            String key = app.secretKey();
            // Keep sending while the host closes, so votes are queued or committing at that moment.
            Thread sender = new Thread(() -> {
                for (int i = 0; i < 3000; i++) {
                    String body = "{\"votes\":[" + HttpApiIT.binary(UUID.randomUUID().toString(), "r" + i, "a", "like") + "]}";
                    synchronized (sent) {
                        sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + key)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
                    }
                    if (i % 50 == 0) {
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            sender.start();
            // Close once votes are going through (a fixed pause was too short on a busy machine).
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!anyAnswered202(sent) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            host.close();
            sender.join();
        } finally {
            host.close();
        }
        int answered202 = 0;
        int refused = 0;
        int unanswered = 0;
        for (CompletableFuture<HttpResponse<String>> f : List.copyOf(sent)) {
            try {
                int status = f.join().statusCode();
                if (status == 202) {
                    answered202++;
                } else {
                    assertEquals(503, status, "a vote refused at shutdown is told to retry");
                    refused++;
                }
            } catch (CompletionException e) {
                unanswered++; // the connector was already closed: the client never got an answer and will retry
            }
        }
        System.out.println("shutdown drain: " + answered202 + " answered 202, " + refused + " refused, " + unanswered
                + " unanswered");
        assertTrue(answered202 > 0, "some votes went through before the shutdown");
        try (TestHost again = TestHost.start(dir, Map.of("pluginsDir", dir.resolve("plugins").toString()))) {
            long stored = again.storage().stats(app.id()).votes();
            // Every 202 is stored; a 503 is never stored (the client retries it); only a request
            // whose connection was cut may or may not have been committed.
            assertTrue(stored >= answered202 && stored <= answered202 + unanswered, "stored " + stored + ", answered 202 "
                    + answered202 + ", refused 503 " + refused + ", unanswered " + unanswered);
        }
    }

    private static boolean anyAnswered202(List<CompletableFuture<HttpResponse<String>>> sent) {
        synchronized (sent) {
            return sent.stream().anyMatch(f -> f.isDone() && !f.isCompletedExceptionally() && f.join().statusCode() == 202);
        }
    }
}
