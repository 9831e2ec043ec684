package dev.swipeloop.host.http;

import static dev.swipeloop.host.http.HttpApiIT.binary;
import static dev.swipeloop.host.http.HttpApiIT.json;
import static dev.swipeloop.host.http.HttpApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.TestClock;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestHost.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The items page's table: counts and intervals from the votes, filters, sorts, pages, and bad parameters. */
class AdminItemsIT {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T13:05:10Z"));
    TestHost host;
    TestApp app;

    @BeforeEach
    void start() {
        host = TestHost.start(dir, Map.of(), clock);
        app = host.createApp("shop");
        // Upserted a minute apart, so "newest" has an order: d is the newest.
        String[] items = {
            "{\"id\":\"a\",\"imageUrl\":\"https://img.example/a.png\",\"prompt\":\"A cat astronaut\",\"model\":\"sdxl\"}",
            "{\"id\":\"b\",\"imageUrl\":\"https://img.example/b.png\",\"prompt\":\"a dog\",\"model\":\"sdxl\"}",
            "{\"id\":\"c\",\"imageUrl\":\"/media/c.png\",\"prompt\":\"a hat\",\"model\":\"flux\"}",
            "{\"id\":\"d-cat\",\"imageUrl\":\"https://img.example/d.png\",\"prompt\":\"a sunset\"}"};
        for (String item : items) {
            assertEquals(200, host.http().post("/v1/items", app.secretKey(), null, "{\"items\":[" + item + "]}").statusCode());
            clock.advance(Duration.ofMinutes(1));
        }
        vote(binary(id(), "r1", "a", "like"), binary(id(), "r2", "a", "like"), binary(id(), "r3", "a", "like"),
                binary(id(), "r1", "b", "like"), binary(id(), "r2", "b", "dislike"),
                binary(id(), "r1", "c", "dislike"), binary(id(), "r2", "c", "dislike"), binary(id(), "r3", "c", "skip"),
                AdminOverviewIT.pair("r4", "a", "c", "left"));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    void vote(String... votes) {
        assertEquals(202, host.http().post("/v1/votes", app.publishableKey(), TestHost.ORIGIN, HttpApiIT.batch(votes))
                .statusCode());
    }

    JsonObject items(String query) {
        HttpResponse<String> res = host.http().get("/v1/admin/items" + query, app.secretKey());
        assertEquals(200, res.statusCode(), res.body());
        return json(res);
    }

    static List<String> ids(JsonObject page) {
        return page.getAsJsonArray("items").asList().stream().map(e -> e.getAsJsonObject().get("id").getAsString()).toList();
    }

    @Test
    void eachItemHasItsCountsLikeRateAndWilsonInterval() {
        JsonObject page = items("");
        assertEquals(4, page.get("total").getAsLong());
        assertEquals(JsonParser.parseString("[\"flux\",\"sdxl\"]"), page.get("models"));
        JsonObject a = page.getAsJsonArray("items").get(0).getAsJsonObject();
        assertEquals("a", a.get("id").getAsString());
        assertEquals("https://img.example/a.png", a.get("imageUrl").getAsString());
        assertEquals("A cat astronaut", a.get("prompt").getAsString());
        assertEquals("sdxl", a.get("model").getAsString());
        assertEquals(3, a.get("likes").getAsLong());
        assertEquals(0, a.get("dislikes").getAsLong());
        assertEquals(0, a.get("skips").getAsLong());
        assertEquals(1, a.get("wins").getAsLong());
        assertEquals(4, a.get("votes").getAsLong(), "three answers and a pair");
        assertEquals(1.0, a.get("likeRate").getAsDouble());
        JsonObject stats = json(host.http().get("/v1/items/a/stats", app.secretKey()));
        JsonObject wilson = stats.getAsJsonObject("binary").getAsJsonObject("wilson");
        assertEquals(wilson.get("lower").getAsDouble(), a.get("wilsonLower").getAsDouble(), 1e-12, stats.toString());
        assertEquals(wilson.get("upper").getAsDouble(), a.get("wilsonUpper").getAsDouble(), 1e-12);

        JsonObject d = page.getAsJsonArray("items").get(3).getAsJsonObject();
        assertEquals("d-cat", d.get("id").getAsString());
        assertEquals(0, d.get("votes").getAsLong());
        assertTrue(d.get("likeRate").isJsonNull());
        assertTrue(d.get("model").isJsonNull());
        assertEquals(0.0, d.get("wilsonLower").getAsDouble());
        assertEquals(1.0, d.get("wilsonUpper").getAsDouble(), "nothing known: anything from 0 to 1");
    }

    @Test
    void itemsSortEitherWayWithTiesByIdAndUnratedLast() {
        assertEquals(List.of("a", "b", "c", "d-cat"), ids(items("")), "best Wilson lower bound first; c and d tie at 0");
        assertEquals(List.of("c", "b", "a", "d-cat"), ids(items("?sort=likeRate&order=asc")));
        assertEquals(List.of("a", "b", "c", "d-cat"), ids(items("?sort=likeRate")));
        assertEquals(List.of("a", "c", "b", "d-cat"), ids(items("?sort=votes")));
        assertEquals(List.of("d-cat", "b", "a", "c"), ids(items("?sort=votes&order=asc")));
        assertEquals(List.of("a", "b", "c", "d-cat"), ids(items("?sort=id")));
        assertEquals(List.of("d-cat", "c", "b", "a"), ids(items("?sort=id&order=desc")));
        assertEquals(List.of("d-cat", "c", "b", "a"), ids(items("?sort=newest")));
    }

    @Test
    void filtersAndPagesCutTheList() {
        JsonObject sdxl = items("?model=sdxl");
        assertEquals(2, sdxl.get("total").getAsLong());
        assertEquals(List.of("a", "b"), ids(sdxl));
        assertEquals(JsonParser.parseString("[\"flux\",\"sdxl\"]"), sdxl.get("models"), "every model, for the filter");
        assertEquals(List.of("a", "d-cat"), ids(items("?q=CAT")), "in the prompt or the id, ignoring case");
        assertEquals(List.of("a", "c"), ids(items("?minVotes=3")));
        assertEquals(List.of(), ids(items("?model=nope")));

        JsonObject second = items("?sort=id&limit=2&offset=2");
        assertEquals(4, second.get("total").getAsLong());
        assertEquals(List.of("c", "d-cat"), ids(second));
        assertEquals(List.of(), ids(items("?limit=2&offset=10")));
        assertEquals(List.of("b"), ids(items("?model=sdxl&q=dog&limit=1")));
    }

    @Test
    void badParametersAre400NamingEachOne() {
        JsonObject p = problem(host.http().get("/v1/admin/items?sort=best&order=up&limit=0&offset=-1&minVotes=x",
                app.secretKey()), 400, "invalid-request");
        List<String> fields = p.getAsJsonArray("errors").asList().stream()
                .map(JsonElement::getAsJsonObject).map(e -> e.get("field").getAsString()).toList();
        assertEquals(List.of("sort", "order", "minVotes", "limit", "offset"), fields);
        problem(host.http().get("/v1/admin/items?limit=201", app.secretKey()), 400, "invalid-request");
        problem(host.http().get("/v1/admin/items?q=" + "x".repeat(201), app.secretKey()), 400, "invalid-request");
        problem(host.http().get("/v1/admin/items", null), 401, "invalid-key");
    }
}
