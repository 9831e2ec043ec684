package dev.swipeloop.host.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.TestHost;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /metrics and GET /ready on a real host: formats, bounded labels, the token, switched off. */
class MetricsIT {
    private static final String REQUESTS = "swipeloop_http_request_duration_seconds_count";

    @TempDir
    Path dir;

    @Test
    void prometheusTextByDefaultAndOpenMetricsWhenAskedFor() {
        try (TestHost host = TestHost.start(dir)) {
            HttpResponse<String> text = host.http().get("/metrics", null);
            assertEquals(200, text.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", text.headers().firstValue("Content-Type").orElse(""));
            Scrape scrape = Scrape.parse(text.body());
            assertFalse(scrape.named("jvm_memory_used_bytes").isEmpty(), "JVM metrics");
            assertEquals(1, scrape.named("swipeloop_storage_info").size());
            assertEquals("sqlite", scrape.named("swipeloop_storage_info").get(0).labels().get("storage"));

            HttpResponse<String> open = host.http().send(host.http().request("/metrics", null)
                    .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8"));
            assertTrue(open.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
            assertTrue(open.body().endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
        }
    }

    @Test
    void aThousandRawPathsPerRouteGiveOneRouteLabelEach() {
        // A tiny address limit: the /v1/ requests are refused by the rate limit before any handler runs.
        try (TestHost host = TestHost.start(dir, Map.of("limits.addressRequestsPerSecond", "1",
                "limits.addressBurst", "1"))) {
            for (int i = 0; i < 1000; i++) {
                host.http().get("/v1/raters/rater-" + i + "/ledger", null);
                host.http().get("/media/" + "%064x".formatted(i), null);
                host.http().get("/no-such-page/" + i, null);
            }
            Scrape scrape = Scrape.parse(host.http().get("/metrics", null).body());
            Map<String, Double> byRoute = scrape.named(REQUESTS).stream().collect(Collectors.groupingBy(
                    s -> s.labels().get("route"), TreeMap::new, Collectors.summingDouble(Scrape.Sample::value)));
            assertEquals(Set.of("/v1/raters/{rater}/ledger", "/media/{sha256}", "unmatched"), byRoute.keySet(),
                    "raw paths never become labels: " + byRoute);
            byRoute.values().forEach(count -> assertEquals(1000.0, count));
            assertTrue(scrape.named(REQUESTS).stream().anyMatch(s -> s.labels().get("status").equals("429")
                    && s.labels().get("route").equals("/v1/raters/{rater}/ledger")), "a 429 keeps its route");
            assertTrue(scrape.named(REQUESTS).size() <= 6, "series: " + scrape.named(REQUESTS));
        }
    }

    @Test
    void aTokenGuardsMetricsWhenSet() {
        try (TestHost host = TestHost.start(dir, Map.of("metrics.token", "scrape-me"))) {
            HttpResponse<String> none = host.http().get("/metrics", null);
            assertEquals(401, none.statusCode());
            assertTrue(none.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(none.body().contains("metrics-token"), none.body());
            assertEquals(401, host.http().get("/metrics", "scrape-me-not").statusCode());
            assertEquals(200, host.http().get("/metrics", "scrape-me").statusCode());
            assertEquals(200, host.http().get("/health", null).statusCode(), "health stays open");
        }
    }

    @Test
    void switchedOffNothingIsServed() {
        try (TestHost host = TestHost.start(dir, Map.of("metrics.enabled", "false"))) {
            HttpResponse<String> off = host.http().get("/metrics", null);
            assertEquals(404, off.statusCode());
            assertTrue(off.body().contains("metrics-off") && off.body().contains("metrics.enabled"), off.body());
        }
    }

    @Test
    void readyOnceStorageWriterAndScoresAreUp() throws Exception {
        try (TestHost host = TestHost.start(dir)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            HttpResponse<String> ready = host.http().get("/ready", null);
            while (ready.statusCode() != 200 && Instant.now().isBefore(deadline)) {
                JsonObject starting = JsonParser.parseString(ready.body()).getAsJsonObject();
                assertEquals("starting", starting.get("status").getAsString(), ready.body());
                assertFalse(starting.getAsJsonArray("reasons").isEmpty());
                Thread.sleep(50);
                ready = host.http().get("/ready", null);
            }
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals("{\"status\":\"ready\"}", ready.body());
            assertEquals(200, host.http().get("/health", null).statusCode());
        }
    }
}
