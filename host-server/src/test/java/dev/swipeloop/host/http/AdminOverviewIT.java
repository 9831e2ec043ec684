package dev.swipeloop.host.http;

import static dev.swipeloop.host.http.HttpApiIT.binary;
import static dev.swipeloop.host.http.HttpApiIT.json;
import static dev.swipeloop.host.http.HttpApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.testing.AdminClient;
import dev.swipeloop.host.testing.TestClock;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestHost.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview's numbers after votes of known times, on a host whose clock the test moves, and after a restart. */
class AdminOverviewIT {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T13:05:10Z"));
    TestHost host;
    TestApp app;

    @BeforeEach
    void start() {
        host = TestHost.start(dir, settings(), clock);
        app = host.createApp("shop");
        assertEquals(200, host.http().post("/v1/items", app.secretKey(), null, """
                {"items":[{"id":"a","imageUrl":"https://img.example/a.png","model":"sdxl"},
                          {"id":"b","imageUrl":"https://img.example/b.png","model":"flux"}]}""").statusCode());
    }

    Map<String, String> settings() {
        return Map.of("admin.operatorToken", AdminSessionIT.OPERATOR_TOKEN);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    void vote(String... votes) {
        HttpResponse<String> res = host.http().post("/v1/votes", app.publishableKey(), TestHost.ORIGIN,
                HttpApiIT.batch(votes));
        assertEquals(202, res.statusCode(), res.body());
    }

    static String pair(String rater, String left, String right, String choice) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"" + rater + "\",\"kind\":\"pair\",\"left\":\"" + left
                + "\",\"right\":\"" + right + "\",\"choice\":\"" + choice + "\"}";
    }

    @Test
    void theNumbersFollowTheVotesAndTheirMinutes() {
        vote(binary(UUID.randomUUID().toString(), "r1", "a", "like"), binary(UUID.randomUUID().toString(), "r2", "a", "like"),
                binary(UUID.randomUUID().toString(), "r2", "b", "dislike"));
        clock.advance(Duration.ofMinutes(2));
        vote(pair("r3", "a", "b", "left"), binary(UUID.randomUUID().toString(), "r3", "b", "skip"));

        AdminClient owner = AdminClient.signIn(host.http(), app.secretKey());
        JsonObject overview = json(owner.get("/v1/admin/overview"));
        assertEquals(app.id(), overview.get("app").getAsString());
        JsonObject totals = overview.getAsJsonObject("totals");
        assertEquals(2, totals.get("items").getAsLong());
        assertEquals(5, totals.get("votes").getAsLong());
        assertEquals(3, totals.get("raters").getAsLong());
        assertEquals(2.0 / 3, overview.get("likeRate").getAsDouble(), 1e-12, "likes over likes and dislikes");
        assertEquals(2, overview.get("votesLastMinute").getAsLong(), "the two of 13:07:10");

        JsonArray perMinute = overview.getAsJsonArray("perMinute");
        assertEquals(60, perMinute.size());
        assertEquals(bucket("2026-11-27T12:08:00Z", 0), perMinute.get(0));
        assertEquals(bucket("2026-11-27T13:05:00Z", 3), perMinute.get(57));
        assertEquals(bucket("2026-11-27T13:06:00Z", 0), perMinute.get(58), "a minute without votes is there");
        assertEquals(bucket("2026-11-27T13:07:00Z", 2), perMinute.get(59));

        JsonArray perHour = overview.getAsJsonArray("perHour");
        assertEquals(168, perHour.size());
        assertEquals("2026-11-20T14:00:00Z", perHour.get(0).getAsJsonObject().get("t").getAsString());
        JsonObject current = perHour.get(167).getAsJsonObject();
        assertEquals("2026-11-27T13:00:00Z", current.get("t").getAsString());
        assertEquals(5, current.get("votes").getAsLong());
        assertEquals(2, current.get("likes").getAsLong());
        assertEquals(1, current.get("dislikes").getAsLong());
        assertEquals(0, perHour.get(166).getAsJsonObject().get("votes").getAsLong());
        assertEquals(json(host.http().get("/v1/stats", app.secretKey())).get("lastSeq").getAsLong(),
                overview.get("asOfSeq").getAsLong(), "every committed vote is counted");

        clock.advance(Duration.ofMinutes(1));
        JsonObject later = json(owner.get("/v1/admin/overview"));
        assertEquals(0, later.get("votesLastMinute").getAsLong());
        assertEquals(bucket("2026-11-27T13:07:00Z", 2), later.getAsJsonArray("perMinute").get(58), "the window moved on");

        // A restart counts everything again from storage, and gets the same numbers.
        host.close();
        host = TestHost.start(dir, Map.of("admin.operatorToken", AdminSessionIT.OPERATOR_TOKEN,
                "pluginsDir", dir.resolve("plugins").toString()), clock);
        JsonObject restarted = json(host.http().get("/v1/admin/overview", app.secretKey()));
        assertEquals(later, restarted);
    }

    @Test
    void anAppWithoutVotesHasZerosAndNoLikeRate() {
        JsonObject overview = json(host.http().get("/v1/admin/overview", app.secretKey()));
        assertEquals(0, overview.getAsJsonObject("totals").get("votes").getAsLong());
        assertEquals(true, overview.get("likeRate").isJsonNull());
        assertEquals(60, overview.getAsJsonArray("perMinute").size());
        assertEquals(bucket("2026-11-27T13:05:00Z", 0), overview.getAsJsonArray("perMinute").get(59));
        assertEquals(0, overview.get("asOfSeq").getAsLong());

        AdminClient operator = AdminClient.signIn(host.http(), AdminSessionIT.OPERATOR_TOKEN);
        problem(operator.get("/v1/admin/overview"), 400, "invalid-request");
        assertEquals(app.id(), json(operator.get("/v1/admin/overview?app=" + app.id())).get("app").getAsString());
        problem(host.http().get("/v1/admin/overview", app.publishableKey()), 403, "secret-key-required");
    }

    static JsonObject bucket(String t, long votes) {
        JsonObject bucket = new JsonObject();
        bucket.addProperty("t", t);
        bucket.addProperty("votes", votes);
        return bucket;
    }
}
