package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.apps.RaterTokens;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestHost.TestApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API of API.md against a real host: the built SQLite plugin, real Jetty, real HTTP. */
class HttpApiIT {
    @TempDir
    Path dir;
    TestHost host;
    TestApp app;

    @BeforeEach
    void start() {
        host = TestHost.start(dir);
        app = host.createApp("shop");
        assertEquals(200, host.http().post("/v1/items", app.secretKey(), null, """
                {"items":[{"id":"a","imageUrl":"https://img.example/a.png","prompt":"a cat","group":"cat"},
                          {"id":"b","imageUrl":"/media/b.png","prompt":"a cat","group":"cat"},
                          {"id":"c","imageUrl":"https://img.example/c.png","prompt":"a dog","group":"dog"},
                          {"id":"d","imageUrl":"https://img.example/d.png","prompt":"a dog","group":"dog",
                           "model":"sdxl","seed":42,"params":{"steps":30},"gold":"like"}]}""").statusCode());
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    static JsonObject json(HttpResponse<String> res) {
        return JsonParser.parseString(res.body()).getAsJsonObject();
    }

    static String binary(String id, String rater, String item, String verdict) {
        return "{\"id\":\"" + id + "\",\"rater\":\"" + rater + "\",\"kind\":\"binary\",\"item\":\"" + item
                + "\",\"verdict\":\"" + verdict + "\",\"dwellMs\":500,\"clientTs\":\"2026-05-01T12:00:00Z\"}";
    }

    static String batch(String... votes) {
        return "{\"votes\":[" + String.join(",", votes) + "]}";
    }

    HttpResponse<String> vote(String body) {
        return host.http().post("/v1/votes", app.publishableKey(), TestHost.ORIGIN, body);
    }

    static JsonObject problem(HttpResponse<String> res, int status, String slug) {
        assertEquals(status, res.statusCode(), res.body());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                res.headers().map().toString());
        JsonObject p = json(res);
        assertEquals("https://swipeloop.dev/problems/" + slug, p.get("type").getAsString(), res.body());
        assertEquals(status, p.get("status").getAsInt());
        assertFalse(p.get("title").getAsString().isEmpty());
        assertFalse(p.get("detail").getAsString().isEmpty());
        assertTrue(p.get("errors").isJsonArray());
        return p;
    }

    @Test
    void votesAreAcceptedOnceListedInCommitOrderAndCounted() {
        String v1 = UUID.randomUUID().toString();
        String v2 = UUID.randomUUID().toString();
        HttpResponse<String> first = vote(batch(binary(v1, "r1", "a", "like"), binary(v2, "r1", "c", "dislike")));
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(JsonParser.parseString("{\"accepted\":2,\"duplicates\":0}"), json(first));
        assertEquals(JsonParser.parseString("{\"accepted\":0,\"duplicates\":2}"),
                json(vote(batch(binary(v1, "r1", "a", "like"), binary(v2, "r1", "c", "dislike")))), "a retry stores nothing twice");

        JsonObject page = json(host.http().get("/v1/votes?after=0&limit=10", app.secretKey()));
        JsonArray votes = page.getAsJsonArray("votes");
        assertEquals(2, votes.size());
        assertTrue(page.get("next").isJsonNull());
        JsonObject stored = votes.get(0).getAsJsonObject();
        assertEquals(v1, stored.get("id").getAsString());
        assertEquals("like", stored.get("verdict").getAsString());
        assertEquals(500, stored.get("dwellMs").getAsInt());
        assertTrue(stored.get("seq").getAsLong() < votes.get(1).getAsJsonObject().get("seq").getAsLong());
        Instant.parse(stored.get("receivedAt").getAsString());

        JsonObject paged = json(host.http().get("/v1/votes?limit=1", app.secretKey()));
        assertEquals(stored.get("seq").getAsLong(), paged.get("next").getAsLong());

        JsonObject stats = json(host.http().get("/v1/stats", app.secretKey()));
        assertEquals(4, stats.get("items").getAsLong());
        assertEquals(2, stats.get("votes").getAsLong());
        assertEquals(1, stats.get("raters").getAsLong());
    }

    @Test
    void aBadBatchNamesEveryBadFieldAndStoresNothing() {
        HttpResponse<String> res = vote(batch(binary(UUID.randomUUID().toString(), "r1", "a", "like"),
                "{\"id\":\"nope\",\"rater\":\"r1\",\"kind\":\"binary\",\"item\":\"zzz\",\"verdict\":\"love\"}",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"r1\",\"kind\":\"pair\",\"left\":\"a\",\"right\":\"b\"}"));
        JsonObject p = problem(res, 400, "invalid-request");
        List<String> fields = p.getAsJsonArray("errors").asList().stream()
                .map(e -> e.getAsJsonObject().get("field").getAsString()).toList();
        assertEquals(List.of("votes[1].id", "votes[1].item", "votes[1].verdict", "votes[2].choice"), fields);
        assertEquals("must be one of like, dislike, skip",
                p.getAsJsonArray("errors").get(2).getAsJsonObject().get("message").getAsString());
        assertEquals(0, json(host.http().get("/v1/stats", app.secretKey())).get("votes").getAsLong());

        JsonObject wrongTypes = problem(vote("{\"votes\":[{\"id\":7,\"rater\":[\"r1\"],\"kind\":\"binary\",\"item\":\"a\","
                + "\"verdict\":\"like\",\"dwellMs\":\"slow\",\"clientTs\":\"yesterday\"}]}"), 400, "invalid-request");
        assertEquals(List.of("votes[0].id", "votes[0].rater", "votes[0].dwellMs", "votes[0].clientTs"),
                wrongTypes.getAsJsonArray("errors").asList().stream().map(e -> e.getAsJsonObject().get("field").getAsString()).toList());
        problem(vote("{\"votes\":{\"id\":1}}"), 400, "invalid-request");
        problem(vote(""), 400, "malformed-json");
        assertEquals(0, json(host.http().get("/v1/stats", app.secretKey())).get("votes").getAsLong(), "nothing stored");
        assertEquals(200, host.http().get("/health", null).statusCode(), "the server keeps serving");

        problem(vote("{\"votes\": [}"), 400, "malformed-json");
        problem(vote("{\"votes\": []}"), 400, "invalid-request");
        problem(vote("[1,2]"), 400, "malformed-json");
        problem(host.http().post("/v1/items", app.secretKey(), null, "{\"items\":[{\"id\":\"x\",\"imageUrl\":\"ftp://x\"}]}"),
                400, "invalid-request");
    }

    @Test
    void theDeckNeverShowsWhatTheRaterJudgedAndPairsShareAGroup() {
        vote(batch(binary(UUID.randomUUID().toString(), "r1", "a", "like")));
        JsonObject deck = json(host.http().send(host.http().request("/v1/deck?rater=r1&limit=10", app.publishableKey())
                .header("Origin", TestHost.ORIGIN).GET()));
        Set<String> shown = new HashSet<>();
        for (JsonElement card : deck.getAsJsonArray("cards")) {
            assertEquals("binary", card.getAsJsonObject().get("kind").getAsString());
            shown.add(card.getAsJsonObject().getAsJsonObject("item").get("id").getAsString());
        }
        // d is a gold item: decks mix it in at quality.gold.rate (5 %), not as a regular card.
        assertTrue(shown.containsAll(Set.of("b", "c")) && Set.of("b", "c", "d").containsAll(shown), shown.toString());
        String mediaUrl = deck.getAsJsonArray("cards").asList().stream().map(c -> c.getAsJsonObject().getAsJsonObject("item"))
                .filter(i -> i.get("id").getAsString().equals("b")).findFirst().orElseThrow().get("imageUrl").getAsString();
        assertTrue(mediaUrl.startsWith("http://") && mediaUrl.endsWith("/media/b.png"), mediaUrl);

        // Same-origin GETs carry no Origin: the Referer's origin counts.
        HttpResponse<String> pairs = host.http().send(host.http().request("/v1/deck?rater=r2&mode=pair", app.publishableKey())
                .header("Referer", TestHost.ORIGIN + "/swipe?x=1").GET());
        assertEquals(200, pairs.statusCode(), pairs.body());
        JsonArray cards = json(pairs).getAsJsonArray("cards");
        assertEquals(1, cards.size(), "a and b share a group; c is alone and the gold d has no gold dislike to pair with: "
                + cards);
        for (JsonElement card : cards) {
            JsonObject c = card.getAsJsonObject();
            assertEquals("pair", c.get("kind").getAsString());
            assertEquals(c.getAsJsonObject("left").get("group"), c.getAsJsonObject("right").get("group"));
        }
        problem(host.http().send(host.http().request("/v1/deck?mode=triple&limit=0", app.publishableKey())
                .header("Origin", TestHost.ORIGIN).GET()), 400, "invalid-request");
    }

    @Test
    void keysAreCheckedForAppEndpointAndOrigin() {
        String body = batch(binary(UUID.randomUUID().toString(), "r1", "a", "like"));
        problem(host.http().post("/v1/votes", null, TestHost.ORIGIN, body), 401, "invalid-key");
        problem(host.http().post("/v1/votes", "pk_nosuchapp_AAAAAAAAAAAAAAAAAAAAAA", TestHost.ORIGIN, body), 401, "invalid-key");
        problem(host.http().post("/v1/votes", app.publishableKey() + "x", TestHost.ORIGIN, body), 401, "invalid-key");
        String secret = app.secretKey();
        String altered = secret.substring(0, secret.length() - 1) + (secret.endsWith("Z") ? "Y" : "Z");
        problem(host.http().get("/v1/stats", altered), 401, "invalid-key");
        problem(host.http().get("/v1/stats", app.publishableKey()), 403, "secret-key-required");
        problem(host.http().post("/v1/items", app.publishableKey(), TestHost.ORIGIN, "{\"items\":[]}"), 403, "secret-key-required");
        JsonObject wrongOrigin = problem(host.http().post("/v1/votes", app.publishableKey(), "https://evil.example", body),
                403, "origin-not-allowed");
        assertTrue(wrongOrigin.get("detail").getAsString().contains("https://evil.example"));
        problem(host.http().post("/v1/votes", app.publishableKey(), null, body), 403, "origin-required");

        TestApp other = host.createApp("other");
        assertEquals(0, json(host.http().get("/v1/votes", other.secretKey())).getAsJsonArray("votes").size());
        problem(host.http().post("/v1/votes", other.secretKey(), null, body), 400, "invalid-request"); // item 'a' is not other's
        assertEquals(202, host.http().post("/v1/votes", app.secretKey(), null, body).statusCode(), "sk works without origin");
    }

    @Test
    void sendBeaconPostsWithTheKeyInTheUrlAndAnyContentType() {
        HttpResponse<String> res = host.http().send(host.http().request("/v1/votes?key=" + app.publishableKey(), null)
                .header("Content-Type", "text/plain;charset=UTF-8").header("Origin", TestHost.ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(batch(binary(UUID.randomUUID().toString(), "r1", "a", "skip")))));
        assertEquals(202, res.statusCode(), res.body());
        problem(host.http().send(host.http().request("/v1/votes?key=" + app.secretKey(), null).header("Origin", TestHost.ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 403, "secret-key-in-url");
    }

    @Test
    void corsIsAnsweredPerAppWithTheExactOrigin() {
        HttpResponse<String> ok = host.http().send(host.http().request("/v1/votes", null).header("Origin", TestHost.ORIGIN)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, ok.statusCode());
        assertEquals(TestHost.ORIGIN, ok.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(ok.headers().firstValue("Vary").orElse("").contains("Origin"));
        String allowed = ok.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase(Locale.ROOT);
        assertTrue(allowed.contains("authorization") && allowed.contains("content-type") && allowed.contains("x-rater-token"));
        assertTrue(ok.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());

        HttpResponse<String> evil = host.http().send(host.http().request("/v1/votes", null).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        problem(evil, 403, "origin-not-allowed");
        assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

        HttpResponse<String> answer = vote(batch(binary(UUID.randomUUID().toString(), "r1", "a", "like")));
        assertEquals(TestHost.ORIGIN, answer.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        HttpResponse<String> refused = vote("{}");
        assertEquals(TestHost.ORIGIN, refused.headers().firstValue("Access-Control-Allow-Origin").orElseThrow(),
                "the widget can read the problem of a refused request");
    }

    @Test
    void aRaterTokenVouchesOnlyForItsRater() {
        dev.swipeloop.sdk.model.App stored = host.storage().app(app.id()).orElseThrow();
        String token = RaterTokens.sign(stored, "alice", Instant.now().getEpochSecond() + 600);
        HttpResponse<String> ok = host.http().send(host.http().request("/v1/votes", app.publishableKey())
                .header("Origin", TestHost.ORIGIN).header("X-Rater-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(batch(binary(UUID.randomUUID().toString(), "alice", "a", "like")))));
        assertEquals(202, ok.statusCode(), ok.body());
        problem(vote("{\"raterToken\":\"" + token + "\",\"votes\":[" + binary(UUID.randomUUID().toString(), "mallory", "a", "like")
                + "]}"), 401, "invalid-rater-token");
    }

    @Test
    void deletingARaterRemovesTheirVotes() {
        vote(batch(binary(UUID.randomUUID().toString(), "gone", "a", "like"), binary(UUID.randomUUID().toString(), "kept", "a", "like")));
        HttpResponse<String> res = host.http().send(host.http().request("/v1/raters/gone", app.secretKey()).DELETE());
        assertEquals(204, res.statusCode(), res.body());
        JsonArray votes = json(host.http().get("/v1/votes", app.secretKey())).getAsJsonArray("votes");
        assertEquals(1, votes.size());
        assertEquals("kept", votes.get(0).getAsJsonObject().get("rater").getAsString());
        problem(host.http().send(host.http().request("/v1/raters/gone", app.publishableKey()).DELETE()), 403, "secret-key-required");
    }

    @Test
    void unknownRoutesAreProblemsAndTheOpenApiDocumentMatchesTheServer() {
        problem(host.http().get("/v1/nothing-here", app.secretKey()), 404, "not-found");
        HttpResponse<String> doc = host.http().get("/openapi.json", null);
        assertEquals(200, doc.statusCode());
        JsonObject paths = json(doc).getAsJsonObject("paths");
        for (HttpApi.Route route : HttpApi.ROUTES) {
            assertTrue(paths.has(route.path()) && paths.getAsJsonObject(route.path()).has(route.method().name().toLowerCase(Locale.ROOT)),
                    route.toString());
            if (!route.path().contains("{") && !route.path().startsWith("/v1/")) {
                assertNotEquals(404, host.http().get(route.path(), null).statusCode(), route.toString());
            }
        }
        JsonObject health = json(host.http().get("/health", null));
        assertEquals("ok", health.get("status").getAsString());
    }

    @Test
    void limitsAnswer413And429AsProblems() {
        host.close();
        host = TestHost.start(dir.resolve("limited"), Map.of("limits.maxVotesPerBatch", "2", "limits.maxBodyBytes", "2048",
                "limits.keyRequestsPerSecond", "1", "limits.keyBurst", "2"));
        app = host.createApp("small");
        host.http().post("/v1/items", app.secretKey(), null, "{\"items\":[{\"id\":\"a\",\"imageUrl\":\"https://x.example/a\"}]}");
        String v = binary(UUID.randomUUID().toString(), "r", "a", "like");
        JsonObject tooMany = problem(vote(batch(v, v, v)), 413, "too-many-votes");
        assertEquals("votes", tooMany.getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
        problem(vote("{\"votes\":[],\"pad\":\"" + "x".repeat(4000) + "\"}"), 413, "body-too-large");
        HttpResponse<String> limited = vote(batch(v)); // the key's third request within a second; burst is 2
        problem(limited, 429, "rate-limited");
        assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1);

        host.close();
        host = TestHost.start(dir.resolve("address-limited"), Map.of("limits.addressRequestsPerSecond", "1",
                "limits.addressBurst", "2"));
        app = host.createApp("crowded");
        host.http().get("/v1/stats", app.secretKey());
        host.http().get("/v1/stats", app.secretKey());
        HttpResponse<String> third = host.http().get("/v1/stats", app.secretKey());
        JsonObject perAddress = problem(third, 429, "rate-limited");
        assertTrue(perAddress.get("detail").getAsString().contains("address"), perAddress.toString());
        assertTrue(third.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, host.http().get("/health", null).statusCode(), "health is never rate limited");
    }
}
