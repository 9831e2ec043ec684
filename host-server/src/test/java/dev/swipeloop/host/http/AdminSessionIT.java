package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.swipeloop.host.testing.AdminClient;
import dev.swipeloop.host.testing.TestClock;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestHost.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in to the dashboard, and what its session cookie may do, against a real host. */
class AdminSessionIT {
    static final String OPERATOR_TOKEN = "operator-token-of-this-test-0123456789";

    @TempDir
    Path dir;
    TestClock clock = new TestClock(Instant.parse("2026-11-27T13:05:10Z"));
    TestHost host;
    TestApp shop;
    TestApp other;

    @BeforeEach
    void start() {
        host = TestHost.start(dir, Map.of("admin.operatorToken", OPERATOR_TOKEN), clock);
        shop = host.createApp("shop");
        other = host.createApp("other");
    }

    @AfterEach
    void stop() {
        host.close();
    }

    static JsonObject json(HttpResponse<String> res) {
        return HttpApiIT.json(res);
    }

    static String setCookie(HttpResponse<String> res) {
        return res.headers().firstValue("Set-Cookie").orElse(null);
    }

    long items(TestApp app) {
        return json(host.http().get("/v1/stats", app.secretKey())).get("items").getAsLong();
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieThatTheSessionEndpointReads() {
        HttpResponse<String> res = AdminClient.signInResponse(host.http(), shop.secretKey());
        assertEquals(200, res.statusCode(), res.body());
        JsonObject session = json(res);
        assertEquals("app", session.get("role").getAsString());
        assertEquals(shop.id(), session.get("app").getAsString());
        assertEquals(clock.instant().plus(Duration.ofMinutes(480)), Instant.parse(session.get("expiresAt").getAsString()));
        assertTrue(session.get("csrfToken").getAsString().length() >= 32);

        String cookie = setCookie(res);
        assertTrue(cookie.startsWith("swipeloop_admin="), cookie);
        List<String> attributes = List.of(cookie.split(";\\s*"));
        assertTrue(attributes.contains("Path=/"), cookie);
        assertTrue(attributes.contains("HttpOnly"), cookie);
        assertTrue(attributes.contains("SameSite=Strict"), cookie);
        assertTrue(attributes.contains("Max-Age=28800"), cookie);
        assertFalse(attributes.contains("Secure"), "plain http without a proxy: a Secure cookie would be dropped");

        AdminClient browser = AdminClient.signIn(host.http(), shop.secretKey());
        HttpResponse<String> again = browser.get("/v1/admin/session");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(browser.session(), json(again), "a reloaded page gets its CSRF token back");
        assertEquals(200, browser.get("/v1/stats").statusCode(), "the cookie stands for the secret key");

        AdminClient operator = AdminClient.signIn(host.http(), OPERATOR_TOKEN);
        assertEquals("operator", operator.session().get("role").getAsString());
        assertTrue(operator.session().get("app").isJsonNull());
    }

    @Test
    void theCookieIsSecureBehindAnHttpsProxyTheHostTrusts(@TempDir Path other) {
        try (TestHost proxied = TestHost.start(other, Map.of("trustProxy", "true"))) {
            TestApp app = proxied.createApp("proxied");
            String body = "{\"secret\":\"" + app.secretKey() + "\"}";
            HttpResponse<String> https = proxied.http().send(proxied.http().request("/v1/admin/session", null)
                    .header("X-Forwarded-Proto", "https").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(200, https.statusCode(), https.body());
            assertTrue(List.of(setCookie(https).split(";\\s*")).contains("Secure"), setCookie(https));
        }
        HttpResponse<String> untrusted = host.http().send(host.http().request("/v1/admin/session", null)
                .header("X-Forwarded-Proto", "https").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"secret\":\"" + shop.secretKey() + "\"}")));
        assertFalse(List.of(setCookie(untrusted).split(";\\s*")).contains("Secure"),
                "without trustProxy anybody could send the header");
    }

    @Test
    void aWrongSecretIs401NamingItAndSetsNothing() {
        String revokedLooking = "sk_" + shop.id() + "_AAAAAAAAAAAAAAAAAAAAAA";
        for (String secret : List.of(revokedLooking, shop.publishableKey(), "not-the-operator-token-0123456789",
                other.secretKey().replace(other.id(), shop.id()))) {
            HttpResponse<String> res = AdminClient.signInResponse(host.http(), secret);
            JsonObject problem = HttpApiIT.problem(res, 401, "invalid-secret");
            assertEquals("secret", problem.getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
            assertEquals(null, setCookie(res), secret);
            assertFalse(res.body().contains(secret), "the secret is not echoed");
        }
        HttpResponse<String> missing = host.http().post("/v1/admin/session", null, null, "{}");
        assertEquals("secret", HttpApiIT.problem(missing, 400, "invalid-request").getAsJsonArray("errors").get(0)
                .getAsJsonObject().get("field").getAsString());
        assertEquals(null, setCookie(missing));
        HttpApiIT.problem(host.http().post("/v1/admin/session", null, null, "{\"secret\":"), 400, "malformed-json");
        HttpApiIT.problem(host.http().get("/v1/admin/session", null), 401, "no-session");
    }

    @Test
    void anExpiredSessionIs401() {
        AdminClient browser = AdminClient.signIn(host.http(), shop.secretKey());
        clock.advance(Duration.ofMinutes(479));
        assertEquals(200, browser.get("/v1/stats").statusCode());
        clock.advance(Duration.ofMinutes(1));
        HttpApiIT.problem(browser.get("/v1/admin/session"), 401, "session-expired");
        HttpApiIT.problem(browser.get("/v1/stats"), 401, "session-expired");
        assertEquals(200, host.http().get("/v1/stats", shop.secretKey()).statusCode(), "the key itself still works");
    }

    @Test
    void theSessionLengthIsASetting(@TempDir Path other) {
        TestClock ownClock = new TestClock(clock.instant());
        try (TestHost shortLived = TestHost.start(other, Map.of("admin.sessionMinutes", "5"), ownClock)) {
            TestApp app = shortLived.createApp("brief");
            HttpResponse<String> res = AdminClient.signInResponse(shortLived.http(), app.secretKey());
            assertTrue(List.of(setCookie(res).split(";\\s*")).contains("Max-Age=300"), setCookie(res));
            AdminClient browser = AdminClient.signIn(shortLived.http(), app.secretKey());
            ownClock.advance(Duration.ofMinutes(5));
            HttpApiIT.problem(browser.get("/v1/stats"), 401, "session-expired");
        }
    }

    @Test
    void withTheCookieEveryChangeNeedsTheCsrfTokenAndChangesNothingWithout() {
        AdminClient browser = AdminClient.signIn(host.http(), shop.secretKey());
        String item = "{\"items\":[{\"id\":\"x\",\"imageUrl\":\"https://img.example/x.png\"}]}";
        HttpApiIT.problem(browser.sendWithoutCsrf("POST", "/v1/items", item), 403, "csrf");
        HttpApiIT.problem(host.http().send(browser.request("/v1/items").header("X-CSRF-Token", "forged")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(item))), 403, "csrf");
        AdminClient otherBrowser = AdminClient.signIn(host.http(), shop.secretKey());
        assertNotEquals(otherBrowser.csrfToken(), browser.csrfToken(), "each sign-in has its own token");
        HttpApiIT.problem(host.http().send(browser.request("/v1/items").header("X-CSRF-Token", otherBrowser.csrfToken())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(item))), 403, "csrf");
        assertEquals(0, items(shop), "nothing was stored");
        HttpApiIT.problem(browser.sendWithoutCsrf("DELETE", "/v1/admin/session", null), 403, "csrf");
        assertEquals(200, browser.get("/v1/admin/session").statusCode(), "still signed in");

        assertEquals(200, browser.send("POST", "/v1/items", item).statusCode());
        assertEquals(1, items(shop));
        assertEquals(200, host.http().post("/v1/items", shop.secretKey(), null, item).statusCode(),
                "a key in the Authorization header needs no CSRF token");
    }

    @Test
    void anAppsCookieReadsThatAppOnly() {
        host.http().post("/v1/items", other.secretKey(), null,
                "{\"items\":[{\"id\":\"o\",\"imageUrl\":\"https://img.example/o.png\"}]}");
        AdminClient browser = AdminClient.signIn(host.http(), shop.secretKey());
        assertEquals(0, json(browser.get("/v1/stats")).get("items").getAsLong(), "its own app's stats");
        HttpApiIT.problem(host.http().send(browser.request("/v1/stats").header("X-Swipeloop-App", other.id()).GET()),
                403, "wrong-app");
        HttpApiIT.problem(browser.get("/v1/stats?app=" + other.id()), 403, "wrong-app");
        HttpApiIT.problem(browser.get("/v1/items/o/stats?app=" + other.id()), 403, "wrong-app");

        String forged = browser.cookie().replace(".app." + shop.id() + ".", ".app." + other.id() + ".");
        HttpApiIT.problem(host.http().send(host.http().request("/v1/stats", null).header("Cookie", forged).GET()),
                401, "invalid-session");
        HttpApiIT.problem(host.http().send(host.http().request("/v1/stats", null)
                .header("Cookie", "swipeloop_admin=v1.op.-.99999999999.AAAA.AAAA").GET()), 401, "invalid-session");
    }

    @Test
    void anOperatorSessionNamesItsApp() {
        AdminClient operator = AdminClient.signIn(host.http(), OPERATOR_TOKEN);
        host.http().post("/v1/items", other.secretKey(), null,
                "{\"items\":[{\"id\":\"o\",\"imageUrl\":\"https://img.example/o.png\"}]}");
        JsonObject problem = HttpApiIT.problem(operator.get("/v1/stats"), 400, "invalid-request");
        assertEquals("app", problem.getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
        assertEquals(1, json(host.http().send(operator.request("/v1/stats").header("X-Swipeloop-App", other.id()).GET()))
                .get("items").getAsLong());
        assertEquals(1, json(operator.get("/v1/stats?app=" + other.id())).get("items").getAsLong());
        assertEquals(0, json(operator.get("/v1/stats?app=" + shop.id())).get("items").getAsLong());
        HttpApiIT.problem(operator.get("/v1/stats?app=nosuchapp"), 404, "unknown-app");
        assertEquals(200, operator.send("POST", "/v1/items?app=" + shop.id(),
                "{\"items\":[{\"id\":\"s\",\"imageUrl\":\"https://img.example/s.png\"}]}").statusCode());
        assertEquals(1, items(shop));
    }

    @Test
    void theDashboardsAnswersCarryItsHeadersOnTheHost() {
        for (String path : List.of("/admin", "/admin/overview", "/admin/assets/no-such-file.js")) {
            AdminPagesControllerTest.assertDashboardHeaders(host.http().get(path, null));
        }
    }

    @Test
    void signingOutClearsTheCookie() {
        AdminClient browser = AdminClient.signIn(host.http(), shop.secretKey());
        HttpResponse<String> out = browser.send("DELETE", "/v1/admin/session", null);
        assertEquals(204, out.statusCode(), out.body());
        List<String> cleared = List.of(setCookie(out).split(";\\s*"));
        assertEquals("swipeloop_admin=", cleared.get(0));
        assertTrue(cleared.contains("Max-Age=0"));
        assertTrue(cleared.contains("HttpOnly") && cleared.contains("SameSite=Strict") && cleared.contains("Path=/"));
    }
}
