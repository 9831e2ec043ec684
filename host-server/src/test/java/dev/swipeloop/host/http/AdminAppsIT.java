package dev.swipeloop.host.http;

import static dev.swipeloop.host.http.HttpApiIT.json;
import static dev.swipeloop.host.http.HttpApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.apps.RaterTokens;
import dev.swipeloop.host.testing.AdminClient;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestHost.TestApp;
import dev.swipeloop.sdk.model.App;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apps page's endpoints against a real host: a changed key or origin is in force from the very
 * next request (nothing waits for the app cache), and bad input changes nothing.
 */
class AdminAppsIT {
    static final String OPERATOR_TOKEN = AdminSessionIT.OPERATOR_TOKEN;

    @TempDir
    Path dir;
    TestHost host;
    TestApp shop;
    TestApp other;

    @BeforeEach
    void start() {
        host = TestHost.start(dir, Map.of("admin.operatorToken", OPERATOR_TOKEN));
        shop = host.createApp("shop");
        other = host.createApp("other");
        // Warm the host's app cache with the keys as they are, so a stale entry would show below.
        assertEquals(200, host.http().get("/v1/stats", shop.secretKey()).statusCode());
        assertEquals(200, deck(shop.publishableKey(), TestHost.ORIGIN).statusCode());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    HttpResponse<String> deck(String publishableKey, String origin) {
        return host.http().send(host.http().request("/v1/deck?rater=r1&limit=1", publishableKey)
                .header("Origin", origin).GET());
    }

    static JsonObject appIn(JsonObject list, String id) {
        for (JsonElement app : list.getAsJsonArray("apps")) {
            if (app.getAsJsonObject().get("id").getAsString().equals(id)) {
                return app.getAsJsonObject();
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    @Test
    void theOperatorListsEveryAppAndAnOwnerOnlyTheirs() {
        AdminClient operator = AdminClient.signIn(host.http(), OPERATOR_TOKEN);
        JsonObject all = json(operator.get("/v1/admin/apps"));
        assertEquals(2, all.getAsJsonArray("apps").size());
        JsonObject listed = appIn(all, shop.id());
        assertEquals("shop", listed.get("name").getAsString());
        assertEquals(JsonParser.parseString("[\"" + TestHost.ORIGIN + "\"]"), listed.get("allowedOrigins"));
        assertEquals(shop.publishableKey(), listed.get("publishableKey").getAsString());
        assertTrue(listed.get("secretKeyActive").getAsBoolean());
        Instant.parse(listed.get("createdAt").getAsString());
        assertFalse(all.toString().contains(shop.secretKey()), "secret keys are never shown");

        JsonArray own = json(AdminClient.signIn(host.http(), shop.secretKey()).get("/v1/admin/apps")).getAsJsonArray("apps");
        assertEquals(1, own.size());
        assertEquals(shop.id(), own.get(0).getAsJsonObject().get("id").getAsString());
        JsonArray byKey = json(host.http().get("/v1/admin/apps", other.secretKey())).getAsJsonArray("apps");
        assertEquals(other.id(), byKey.get(0).getAsJsonObject().get("id").getAsString());
        problem(host.http().get("/v1/admin/apps", other.publishableKey()), 403, "secret-key-required");
        problem(host.http().get("/v1/admin/apps", null), 401, "invalid-key");
    }

    @Test
    void onlyTheOperatorCreatesAppsAndABadOriginCreatesNothing() {
        String body = "{\"name\":\"Meme Lab\",\"allowedOrigins\":[\"https://memes.example\"]}";
        problem(AdminClient.signIn(host.http(), shop.secretKey()).send("POST", "/v1/admin/apps", body), 403,
                "operator-only");
        problem(host.http().post("/v1/admin/apps", shop.secretKey(), null, body), 403, "operator-only");

        AdminClient operator = AdminClient.signIn(host.http(), OPERATOR_TOKEN);
        JsonObject bad = problem(operator.send("POST", "/v1/admin/apps",
                "{\"name\":\"Meme Lab\",\"allowedOrigins\":[\"https://memes.example\",\"memes.example/path\"]}"),
                400, "invalid-request");
        assertEquals("allowedOrigins[1]", bad.getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
        JsonObject missing = problem(operator.send("POST", "/v1/admin/apps", "{\"name\":\" \"}"), 400, "invalid-request");
        assertEquals("[\"name\",\"allowedOrigins\"]", missing.getAsJsonArray("errors").asList().stream()
                .map(e -> e.getAsJsonObject().get("field")).toList().toString().replace(" ", ""));
        assertEquals(2, json(operator.get("/v1/admin/apps")).getAsJsonArray("apps").size(), "nothing created");

        HttpResponse<String> created = operator.send("POST", "/v1/admin/apps", body);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject keys = json(created);
        String id = keys.get("app").getAsString();
        assertTrue(keys.get("signingSecret").getAsString().startsWith("ss_"));
        assertEquals(200, host.http().get("/v1/stats", keys.get("secretKey").getAsString()).statusCode());
        assertEquals(200, host.http().send(host.http().request("/v1/deck?rater=r&limit=1",
                keys.get("publishableKey").getAsString()).header("Origin", "https://memes.example").GET()).statusCode());
        assertEquals(3, json(operator.get("/v1/admin/apps")).getAsJsonArray("apps").size());
        assertEquals("Meme Lab", appIn(json(operator.get("/v1/admin/apps")), id).get("name").getAsString());
    }

    @Test
    void aRotatedKeyIsRefusedOnTheVeryNextRequestAndTheNewOneWorks() {
        AdminClient operator = AdminClient.signIn(host.http(), OPERATOR_TOKEN);
        JsonObject secret = json(operator.send("POST", "/v1/admin/apps/" + shop.id() + "/keys/secret/rotate", null));
        assertEquals(shop.id(), secret.get("app").getAsString());
        assertEquals("secret", secret.get("kind").getAsString());
        String newSecret = secret.get("key").getAsString();
        assertTrue(newSecret.startsWith("sk_" + shop.id() + "_"), newSecret);
        problem(host.http().get("/v1/stats", shop.secretKey()), 401, "invalid-key");
        assertEquals(200, host.http().get("/v1/stats", newSecret).statusCode());

        JsonObject publishable = json(host.http().post("/v1/admin/apps/" + shop.id() + "/keys/publishable/rotate",
                newSecret, null, ""));
        String newPublishable = publishable.get("key").getAsString();
        problem(deck(shop.publishableKey(), TestHost.ORIGIN), 401, "invalid-key");
        assertEquals(200, deck(newPublishable, TestHost.ORIGIN).statusCode());
        assertEquals(newPublishable, appIn(json(operator.get("/v1/admin/apps")), shop.id()).get("publishableKey")
                .getAsString());

        App before = host.storage().app(shop.id()).orElseThrow();
        String oldToken = RaterTokens.sign(before, "alice", Instant.now().getEpochSecond() + 3600);
        JsonObject signing = json(operator.send("POST", "/v1/admin/apps/" + shop.id() + "/keys/signing/rotate", null));
        assertTrue(signing.get("key").getAsString().startsWith("ss_"));
        HttpResponse<String> oldTokenDeck = host.http().send(host.http().request("/v1/deck?rater=alice&limit=1",
                newPublishable).header("Origin", TestHost.ORIGIN).header("X-Rater-Token", oldToken).GET());
        problem(oldTokenDeck, 401, "invalid-rater-token");

        problem(operator.send("POST", "/v1/admin/apps/" + shop.id() + "/keys/master/rotate", null), 400, "invalid-request");
        problem(operator.send("POST", "/v1/admin/apps/nosuchapp/keys/secret/rotate", null), 404, "unknown-app");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        AdminClient owner = AdminClient.signIn(host.http(), shop.secretKey());
        JsonObject app = json(owner.send("POST", "/v1/admin/apps/" + shop.id() + "/keys/publishable/revoke", null));
        assertTrue(app.get("publishableKey").isJsonNull());
        assertTrue(app.get("secretKeyActive").getAsBoolean());
        problem(deck(shop.publishableKey(), TestHost.ORIGIN), 401, "invalid-key");

        JsonObject revokeSigning = problem(owner.send("POST", "/v1/admin/apps/" + shop.id() + "/keys/signing/revoke",
                null), 400, "invalid-request");
        assertEquals("kind", revokeSigning.getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());

        AdminClient operator = AdminClient.signIn(host.http(), OPERATOR_TOKEN);
        JsonObject revoked = json(operator.send("POST", "/v1/admin/apps/" + shop.id() + "/keys/secret/revoke", null));
        assertFalse(revoked.get("secretKeyActive").getAsBoolean());
        problem(host.http().get("/v1/stats", shop.secretKey()), 401, "invalid-key");
        problem(AdminClient.signInResponse(host.http(), shop.secretKey()), 401, "invalid-secret");
        assertEquals(200, host.http().get("/v1/stats", other.secretKey()).statusCode(), "other apps are untouched");
    }

    @Test
    void revokingOrRotatingTheSecretYouSignedInWithEndsYourSession() {
        AdminClient owner = AdminClient.signIn(host.http(), shop.secretKey());
        HttpResponse<String> rotated = owner.send("POST", "/v1/admin/apps/" + shop.id() + "/keys/secret/rotate", null);
        assertEquals(200, rotated.statusCode(), "the answer still arrives: " + rotated.body());
        problem(owner.get("/v1/admin/session"), 401, "invalid-session");
        problem(owner.get("/v1/stats"), 401, "invalid-session");

        String newSecret = json(rotated).get("key").getAsString();
        AdminClient again = AdminClient.signIn(host.http(), newSecret);
        AdminClient operator = AdminClient.signIn(host.http(), OPERATOR_TOKEN);
        assertEquals(200, again.send("POST", "/v1/admin/apps/" + shop.id() + "/keys/secret/revoke", null).statusCode());
        problem(again.get("/v1/admin/apps"), 401, "invalid-session");
        assertEquals(200, operator.get("/v1/admin/apps").statusCode(), "the operator's session is not the app's");
    }

    @Test
    void editedOriginsTakeEffectAtOnceAndABadOneChangesNothing() {
        AdminClient owner = AdminClient.signIn(host.http(), shop.secretKey());
        JsonObject bad = problem(owner.send("PATCH", "/v1/admin/apps/" + shop.id(),
                "{\"name\":\"Renamed\",\"allowedOrigins\":[\"https://new.example\",\"ftp://files.example\"]}"), 400,
                "invalid-request");
        assertEquals(1, bad.getAsJsonArray("errors").size(), bad.toString());
        JsonObject error = bad.getAsJsonArray("errors").get(0).getAsJsonObject();
        assertEquals("allowedOrigins[1]", error.get("field").getAsString());
        assertTrue(error.get("message").getAsString().contains("ftp://files.example"), error.toString());
        JsonObject unchanged = appIn(json(owner.get("/v1/admin/apps")), shop.id());
        assertEquals("shop", unchanged.get("name").getAsString(), "nothing changed, the name neither");
        assertEquals(200, deck(shop.publishableKey(), TestHost.ORIGIN).statusCode());

        HttpResponse<String> edited = owner.send("PATCH", "/v1/admin/apps/" + shop.id(),
                "{\"allowedOrigins\":[\"HTTPS://New.Example:443/\",\"https://new.example\"]}");
        assertEquals(200, edited.statusCode(), edited.body());
        assertEquals(JsonParser.parseString("[\"https://new.example\"]"), json(edited).get("allowedOrigins"),
                "canonical, once");
        assertEquals("shop", json(edited).get("name").getAsString());
        HttpResponse<String> fromNew = deck(shop.publishableKey(), "https://new.example");
        assertEquals(200, fromNew.statusCode(), fromNew.body());
        assertEquals("https://new.example", fromNew.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                "CORS answers the new origin at once");
        HttpResponse<String> fromOld = deck(shop.publishableKey(), TestHost.ORIGIN);
        problem(fromOld, 403, "origin-not-allowed");
        assertTrue(fromOld.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> preflight = host.http().send(host.http().request("/v1/votes", null)
                .header("Origin", "https://new.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode(), "a preflight without a key knows the new origin at once");

        assertEquals("Renamed", json(owner.send("PATCH", "/v1/admin/apps/" + shop.id(), "{\"name\":\"Renamed\"}"))
                .get("name").getAsString());
        problem(owner.send("PATCH", "/v1/admin/apps/" + shop.id(), "{\"secretKeyHash\":\"\"}"), 400, "invalid-request");
        problem(owner.send("PATCH", "/v1/admin/apps/" + shop.id(), "{\"allowedOrigins\":[]}"), 400, "invalid-request");
        problem(owner.send("PATCH", "/v1/admin/apps/" + other.id(), "{\"name\":\"mine\"}"), 403, "wrong-app");
        problem(owner.send("POST", "/v1/admin/apps/" + other.id() + "/keys/secret/revoke", null), 403, "wrong-app");
        assertEquals(200, host.http().get("/v1/stats", other.secretKey()).statusCode());
        problem(AdminClient.signIn(host.http(), OPERATOR_TOKEN).send("PATCH", "/v1/admin/apps/nosuchapp",
                "{\"name\":\"x\"}"), 404, "unknown-app");
    }

    @Test
    void everyChangeWithTheCookieNeedsTheCsrfToken() {
        AdminClient operator = AdminClient.signIn(host.http(), OPERATOR_TOKEN);
        problem(operator.sendWithoutCsrf("POST", "/v1/admin/apps/" + shop.id() + "/keys/secret/revoke", null), 403,
                "csrf");
        problem(operator.sendWithoutCsrf("PATCH", "/v1/admin/apps/" + shop.id(), "{\"name\":\"x\"}"), 403, "csrf");
        problem(operator.sendWithoutCsrf("POST", "/v1/admin/apps",
                "{\"name\":\"x\",\"allowedOrigins\":[\"https://x.example\"]}"), 403, "csrf");
        assertEquals(200, host.http().get("/v1/stats", shop.secretKey()).statusCode(), "the key still works");
        JsonObject listed = json(operator.get("/v1/admin/apps"));
        assertEquals(2, listed.getAsJsonArray("apps").size());
        assertEquals("shop", appIn(listed, shop.id()).get("name").getAsString());
    }
}
