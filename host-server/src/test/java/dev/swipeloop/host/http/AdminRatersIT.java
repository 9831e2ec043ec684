package dev.swipeloop.host.http;

import static dev.swipeloop.host.http.HttpApiIT.json;
import static dev.swipeloop.host.http.HttpApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.swipeloop.host.testing.AdminClient;
import dev.swipeloop.host.testing.TestClock;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestHost.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raters page's list: who voted when, how much, and the flags standing against them with their reasons. */
class AdminRatersIT {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T13:05:10Z"));
    TestHost host;
    TestApp app;

    @BeforeEach
    void start() {
        host = TestHost.start(dir, Map.of(), clock);
        app = host.createApp("shop");
        host.http().post("/v1/items", app.secretKey(), null,
                "{\"items\":[{\"id\":\"a\",\"imageUrl\":\"https://img.example/a.png\"}]}");
        vote("calm", 2, 900);
        clock.advance(Duration.ofMinutes(1));
        vote("clicker", 10, 100); // every vote under 400 ms: too fast
        clock.advance(Duration.ofMinutes(1));
        vote("late", 1, 900);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    void vote(String rater, int count, int dwellMs) {
        List<String> votes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            votes.add("{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"" + rater + "\",\"kind\":\"binary\",\"item\":\"a\","
                    + "\"verdict\":\"" + (i % 2 == 0 ? "like" : "dislike") + "\",\"dwellMs\":" + dwellMs + "}");
        }
        HttpResponse<String> res = host.http().post("/v1/votes", app.publishableKey(), TestHost.ORIGIN,
                HttpApiIT.batch(votes.toArray(String[]::new)));
        assertEquals(202, res.statusCode(), res.body());
    }

    JsonObject raters(String query) {
        HttpResponse<String> res = AdminClient.signIn(host.http(), app.secretKey()).get("/v1/admin/raters" + query);
        assertEquals(200, res.statusCode(), res.body());
        return json(res);
    }

    static List<String> names(JsonObject page) {
        return page.getAsJsonArray("raters").asList().stream().map(e -> e.getAsJsonObject().get("rater").getAsString())
                .toList();
    }

    @Test
    void ratersWithTheirVotesAndFlags() {
        JsonObject all = raters("");
        assertEquals(3, all.get("total").getAsLong());
        assertEquals(List.of("late", "clicker", "calm"), names(all), "the latest voter first");
        JsonObject late = all.getAsJsonArray("raters").get(0).getAsJsonObject();
        assertEquals(1, late.get("votes").getAsLong());
        assertEquals("2026-11-27T13:07:10Z", late.get("lastVoteAt").getAsString());
        assertFalse(late.get("flagged").getAsBoolean());
        assertTrue(late.get("goldAccuracy").isJsonNull());

        JsonObject clicker = all.getAsJsonArray("raters").get(1).getAsJsonObject();
        assertTrue(clicker.get("flagged").getAsBoolean());
        JsonObject flag = clicker.getAsJsonArray("flags").get(0).getAsJsonObject();
        assertEquals("too-fast", flag.get("code").getAsString());
        assertFalse(flag.get("reason").getAsString().isEmpty());
        assertEquals("2026-11-27T13:06:10Z", flag.get("since").getAsString());
        for (JsonElement rater : all.getAsJsonArray("raters")) {
            assertTrue(rater.getAsJsonObject().get("weight").isJsonNull()
                    || rater.getAsJsonObject().get("weight").getAsDouble() >= 0);
        }
    }

    @Test
    void sortFilterAndPage() {
        assertEquals(List.of("clicker", "calm", "late"), names(raters("?sort=votes")));
        assertEquals(List.of("late", "calm", "clicker"), names(raters("?sort=votes&order=asc")));
        assertEquals(List.of("clicker", "calm", "late"), names(raters("?sort=flagged")), "ties by id");
        assertEquals(List.of("calm", "clicker", "late"), names(raters("?order=asc")));
        assertEquals(List.of("clicker"), names(raters("?flagged=true")));
        assertEquals(List.of("late", "calm"), names(raters("?flagged=false")));
        JsonObject second = raters("?limit=1&offset=1");
        assertEquals(3, second.get("total").getAsLong());
        assertEquals(List.of("clicker"), names(second));

        JsonObject bad = problem(host.http().get("/v1/admin/raters?sort=best&flagged=maybe&limit=0", app.secretKey()),
                400, "invalid-request");
        assertEquals(List.of("sort", "flagged", "limit"), bad.getAsJsonArray("errors").asList().stream()
                .map(e -> e.getAsJsonObject().get("field").getAsString()).toList());
    }
}
