package dev.swipeloop.host;

import static dev.swipeloop.host.testing.ScoredApp.binary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.apps.RaterTokens;
import dev.swipeloop.host.testing.ScoredApp;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.sdk.model.App;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rewards through the HTTP API: tokens, the bot that earns nothing, opt-in names, erasure. */
class RewardsApiIT {
    @TempDir
    Path dir;
    private ScoredApp scored;

    @BeforeEach
    void start() {
        // Webhook retries after 200 ms, not 5 s; the test's receiver is on 127.0.0.1, which the operator allows here.
        scored = ScoredApp.start(dir, Map.of("webhooks.firstRetryDelayMillis", "200", "webhooks.jitter", "0",
                "webhooks.pollMillis", "200", "webhooks.allowPrivateAddresses", "true"));
    }

    @AfterEach
    void stop() {
        scored.close();
    }

    @Test
    void withoutPoliciesThereAreNoRewardsAndAnUnknownPolicyIsRefused() {
        HttpResponse<String> off = scored.host().http().get("/v1/raters/ada/progress", scored.app().secretKey());
        assertEquals(404, off.statusCode(), off.body());
        assertTrue(off.body().contains("rewards-off") && off.body().contains("rewards.policies"), off.body());

        String refused = scored.patch("{\"rewards.policies\":\"points,karma\",\"reward.points.perVote\":-1}", 400).body();
        assertTrue(refused.contains("\"field\":\"rewards.policies\"") && refused.contains("karma"), refused);
        assertTrue(refused.contains("\"field\":\"reward.points.perVote\""), refused);
        assertFalse(ScoredApp.setting(scored.get("/v1/settings"), "rewards.policies").get("changed").getAsBoolean(),
                "nothing changed");
    }

    @Test
    void aRatersProgressNeedsTheirTokenUnlessTheAppPaysAnonymousRaters() {
        scored.patch("{\"rewards.policies\":\"points\"}", 200);
        App app = scored.host().storage().app(scored.app().id()).orElseThrow();
        long inAnHour = Instant.now().getEpochSecond() + 3600;
        String adaToken = RaterTokens.sign(app, "ada", inAnHour);
        App other = scored.host().storage().app(scored.host().createApp("other").id()).orElseThrow();

        List<String> adaVotes = List.of(binary("ada", "cat-great", "like", 900), binary("ada", "dog-good", "dislike", 900));
        sendAs("ada", adaToken, adaVotes);
        sendAs("ada", adaToken, adaVotes); // a retry of the same batch: duplicates, stored and paid once
        sendAs("anon", null, List.of(binary("anon", "cat-great", "like", 900)));
        JsonArray stored = scored.get("/v1/votes").getAsJsonArray("votes");
        assertEquals(3, stored.size(), "the retried batch was not stored again: " + stored);
        for (JsonElement vote : stored) {
            JsonObject v = vote.getAsJsonObject();
            assertEquals(v.get("rater").getAsString().equals("ada"), v.get("verified").getAsBoolean(), v.toString());
        }

        assertEquals(2, progress("ada", adaToken, 200).get("points").getAsLong(),
                "only verified votes earn, and a duplicate earns nothing");
        assertTrue(problem("ada", null, "rater-token-required").contains("X-Rater-Token"));
        assertTrue(problem("ada", adaToken.substring(0, adaToken.length() - 2) + "xx", "invalid-rater-token")
                .contains("signature"));
        assertTrue(problem("ada", RaterTokens.sign(app, "ada", Instant.now().getEpochSecond() - 1), "invalid-rater-token")
                .contains("expired"));
        assertTrue(problem("ada", RaterTokens.sign(other, "ada", inAnHour), "invalid-rater-token")
                .contains("signature"), "a token of another app is refused");
        assertTrue(problem("ada", RaterTokens.sign(app, "bob", inAnHour), "invalid-rater-token")
                .contains("'ada'"), "a token vouches for its own rater only");
        HttpResponse<String> server = scored.host().http().get("/v1/raters/ada/progress", scored.app().secretKey());
        assertEquals(200, server.statusCode(), "the app's server asks with its secret key: " + server.body());

        scored.patch("{\"rewards.anonymous\":true}", 200);
        sendAs("anon", null, List.of(binary("anon", "dog-good", "like", 900)));
        assertEquals(1, progress("anon", null, 200).get("points").getAsLong(),
                "anonymous raters earn from the moment the app allows it, not for earlier votes");
    }

    @Test
    void tokenlessVotesSentUnderAVerifiedRatersIdDoNotFlagThemOrCostThemTheirPoints() {
        scored.patch("{\"rewards.policies\":\"quality-weighted\",\"reward.quality-weighted.vestingHours\":0}", 200);
        App app = scored.host().storage().app(scored.app().id()).orElseThrow();
        String adaToken = RaterTokens.sign(app, "ada", Instant.now().getEpochSecond() + 3600);
        List<String> images = ScoredApp.allImages();
        sendAs("ada", adaToken, List.of(binary("ada", images.get(0), "like", 1500)));
        long before = progress("ada", adaToken, 200).get("points").getAsLong();
        assertTrue(before > 0);

        List<String> forged = new ArrayList<>();
        for (int i = 1; i < 11; i++) {
            forged.add(binary("ada", images.get(i), "like", 10)); // far too fast, no token
        }
        sendAs("ada", null, forged);
        assertTrue(scored.get("/v1/raters/ada/quality").getAsJsonArray("flags").size() > 0,
                "the app's quality report sees every vote under the id");
        sendAs("ada", adaToken, List.of(binary("ada", images.get(11), "dislike", 1500)));
        assertEquals(2 * before, progress("ada", adaToken, 200).get("points").getAsLong(),
                "her verified votes are judged by her verified votes: no flag, no clawback, the new vote pays");
    }

    @Test
    void turningRewardsOnPaysNoEarlierVoteEvenWhenTheBoardCountsThemAgain() {
        List<String> images = ScoredApp.allImages();
        scored.send(List.of(binary("ada", images.get(0), "like", 900), binary("ada", images.get(1), "like", 900)));
        ScoredApp.waitForBoards();
        // A rule the board is built from changes too: the board counts every vote again from the first.
        scored.patch("{\"rewards.policies\":\"points\",\"rewards.anonymous\":true,\"quality.fast.k\":5}", 200);
        scored.send(List.of(binary("ada", images.get(2), "like", 900)));
        assertEquals(1, progress("ada", null, 200).get("points").getAsLong(), "only the vote after turning on");

        scored.patch("{\"rewards.policies\":null}", 200);
        scored.send(List.of(binary("ada", images.get(3), "like", 900)));
        ScoredApp.waitForBoards();
        scored.patch("{\"rewards.policies\":\"points\"}", 200);
        scored.send(List.of(binary("ada", images.get(4), "like", 900)));
        assertEquals(2, progress("ada", null, 200).get("points").getAsLong(), "nor a vote cast while they were off");
    }

    @Test
    void settingsOfAPolicyThisHostDoesNotRunNeitherStopTheOthersNorLockTheSettings() {
        // As if the plugin of "karma" had been removed after the app chose it.
        scored.host().storage().updateAppSettings(scored.app().id(), Map.of("rewards.policies", "karma,points",
                "reward.karma.weight", "3", "rewards.anonymous", "true"), List.of());
        scored.patch("{\"ranking.z\":2.5}", 200);
        scored.send(List.of(binary("ada", "cat-great", "like", 900)));
        assertEquals(1, progress("ada", null, 200).get("points").getAsLong(), "points still pays");
        scored.patch("{\"reward.karma.weight\":null}", 200);
        assertFalse(scored.host().storage().appSettings(scored.app().id()).containsKey("reward.karma.weight"),
                "a leftover setting can be removed");
    }

    @Test
    void aFastOneAnswerBotEarnsNothingOnceFlaggedAndItsVestedPointsAreClawedBack() {
        scored.patch("{\"rewards.policies\":\"quality-weighted\",\"rewards.anonymous\":true,"
                + "\"reward.quality-weighted.vestingHours\":0}", 200);
        List<String> images = ScoredApp.allImages();
        scored.send(List.of(binary("bot", images.get(0), "like", 1500), binary("bot", images.get(1), "like", 1500),
                binary("honest", images.get(0), "like", 1400), binary("honest", images.get(1), "dislike", 1600)));
        JsonObject before = progress("bot", null, 200);
        assertTrue(before.get("points").getAsLong() > 0 && before.get("pendingPoints").getAsLong() == 0,
                "vested at once with vestingHours 0: " + before);

        List<String> fast = new ArrayList<>();
        for (int i = 2; i < 10; i++) {
            fast.add(binary("bot", images.get(i), "like", 80));
        }
        scored.send(fast);
        JsonObject after = progress("bot", null, 200);
        assertEquals(0, after.get("points").getAsLong(), "clawed back: " + after);
        assertEquals(0, after.get("pendingPoints").getAsLong(), "clawed back: " + after);
        JsonArray ledger = scored.get("/v1/raters/bot/ledger").getAsJsonArray("entries");
        long earned = 0;
        int clawbacks = 0;
        for (JsonElement e : ledger) {
            JsonObject entry = e.getAsJsonObject();
            long points = entry.get("points").getAsLong();
            if (clawbacks > 0) {
                assertTrue(points <= 0, "nothing earned once flagged: " + ledger);
            } else if (points > 0) {
                earned += points;
            } else {
                assertTrue(entry.get("reason").getAsString().startsWith("clawback:too-fast"), ledger.toString());
                assertEquals(-earned, points, "every vested point clawed back, the fast votes' before the flag too");
                clawbacks++;
            }
        }
        assertEquals(1, clawbacks, ledger.toString());
        assertTrue(earned > before.get("points").getAsLong(), "the first fast votes paid until the speed rule saw"
                + " enough of them (4 of 10): " + ledger);
        assertTrue(progress("honest", null, 200).get("points").getAsLong() > 0, "the honest rater keeps theirs");
    }

    @Test
    void theLeaderboardShowsOnlyRatersWhoOptedInUnderTheNameTheyChose() {
        scored.patch("{\"rewards.policies\":\"points\",\"rewards.anonymous\":true}", 200);
        List<String> votes = new ArrayList<>();
        List<String> images = ScoredApp.allImages();
        for (int i = 0; i < 6; i++) {
            votes.add(binary("ada", images.get(i), "like", 900));
            if (i < 4) {
                votes.add(binary("bob", images.get(i), "dislike", 900));
            }
            if (i < 2) {
                votes.add(binary("cy", images.get(i), "like", 900));
            }
        }
        scored.send(votes);
        HttpResponse<String> unvouched = scored.host().http().send(scored.host().http().request("/v1/raters/ada/profile",
                        scored.app().publishableKey()).header("Origin", TestHost.ORIGIN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"displayName\":\"Mallory\",\"listed\":true}")));
        assertEquals(401, unvouched.statusCode(), "even where anonymous raters earn, nobody lists someone else: "
                + unvouched.body());
        assertEquals(200, saveProfile("ada", "{\"displayName\":\"Ada L.\",\"listed\":true}").statusCode());
        assertEquals(200, saveProfile("cy", "{\"displayName\":\"Cy\",\"listed\":false}").statusCode());
        String bad = saveProfile("bob", "{\"listed\":true,\"colour\":\"red\"}").body();
        assertTrue(bad.contains("\"field\":\"displayName\"") && bad.contains("\"field\":\"colour\""), bad);
        assertTrue(saveProfile("bob", "{\"displayName\":\"B\\u0000b\",\"listed\":true}").body().contains("control"));

        JsonObject page = leaderboard("all", scored.app().publishableKey());
        JsonArray rows = page.getAsJsonArray("raters");
        assertEquals(1, rows.size(), "bob never opted in, cy opted out: " + rows);
        JsonObject first = rows.get(0).getAsJsonObject();
        assertEquals("Ada L.", first.get("displayName").getAsString());
        assertEquals(6, first.get("points").getAsLong());
        assertFalse(first.has("rater"), "a page never sees rater ids, which may be the app's user ids");
        assertEquals("ada", leaderboard("day", scored.app().secretKey()).getAsJsonArray("raters").get(0)
                .getAsJsonObject().get("rater").getAsString(), "the app's server does");

        scored.host().http().send(scored.host().http().request("/v1/raters/ada", scored.app().secretKey()).DELETE());
        assertEquals(0, leaderboard("week", scored.app().publishableKey()).getAsJsonArray("raters").size(),
                "erasure removes the ledger and the profile");
        assertEquals(0, progress("ada", null, 200).get("points").getAsLong());
    }

    @Test
    void reachingATierPostsASignedWebhookToTheAppAndAFailedDeliveryIsRetried() throws Exception {
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Map<String, String>> headers = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            headers.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("webhook-signature")));
            exchange.sendResponseHeaders(attempts.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
            scored.patch("{\"rewards.policies\":\"points,tiers\",\"rewards.anonymous\":true,"
                    + "\"reward.tiers.thresholds\":\"3:Rookie,1000:Legend\",\"webhooks.url\":\"" + url + "\"}", 200);
            HttpResponse<String> made = scored.host().http().post("/v1/webhooks/secret", scored.app().secretKey(), null, "");
            assertEquals(200, made.statusCode(), made.body());
            String secret = JsonParser.parseString(made.body()).getAsJsonObject().get("secret").getAsString();
            assertTrue(secret.startsWith("whsec_"), secret);
            assertEquals("****", ScoredApp.setting(scored.get("/v1/settings"), "webhooks.secret").get("value")
                    .getAsString(), "the secret is shown once, never listed");

            scored.send(List.of(binary("ada", "cat-great", "like", 900), binary("ada", "dog-good", "like", 900),
                    binary("ada", "fox-poor", "dislike", 900), binary("ada", "owl-good", "like", 900)));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (attempts.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(2, attempts.get(), "one failed attempt, one retry that succeeded: " + bodies);
            assertEquals(headers.get(0).get("id"), headers.get(1).get("id"), "a retry is the same message");
            JsonObject event = JsonParser.parseString(bodies.get(1)).getAsJsonObject();
            assertEquals("rater.tier_reached", event.get("type").getAsString());
            assertEquals("ada", event.getAsJsonObject("data").get("rater").getAsString());
            assertEquals("Rookie", event.getAsJsonObject("data").get("tier").getAsString());
            for (int i = 0; i < 2; i++) {
                Map<String, String> h = headers.get(i);
                String signed = h.get("id") + "." + h.get("timestamp") + "." + bodies.get(i);
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder()
                        .decode(secret.substring("whsec_".length())), "HmacSHA256"));
                String expected = "v1," + java.util.Base64.getEncoder().encodeToString(
                        mac.doFinal(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertTrue(List.of(h.get("signature").split(" ")).contains(expected),
                        "the Standard Webhooks signature checks out with the secret: " + h);
            }
            // The receiver has answered; the host records the delivery when its dispatcher thread
            // takes up that answer, a moment later.
            JsonObject status = scored.get("/v1/webhooks");
            long settled = System.nanoTime() + 5_000_000_000L;
            while (!"delivered".equals(lastState(status)) && System.nanoTime() < settled) {
                Thread.sleep(50);
                status = scored.get("/v1/webhooks");
            }
            assertEquals(url, status.get("url").getAsString());
            assertEquals("delivered", lastState(status));
        } finally {
            receiver.stop(0);
        }
    }

    private static String lastState(JsonObject webhooks) {
        return webhooks.getAsJsonArray("recent").get(0).getAsJsonObject().get("state").getAsString();
    }

    private void sendAs(String rater, String token, List<String> votes) {
        HttpRequest.Builder request = scored.host().http().request("/v1/votes", scored.app().publishableKey())
                .header("Origin", TestHost.ORIGIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"votes\":[" + String.join(",", votes) + "]}"));
        if (token != null) {
            request.header("X-Rater-Token", token);
        }
        HttpResponse<String> res = scored.host().http().send(request);
        assertEquals(202, res.statusCode(), rater + ": " + res.body());
    }

    private HttpResponse<String> progressResponse(String rater, String token) {
        HttpRequest.Builder request = scored.host().http().request("/v1/raters/" + rater + "/progress",
                scored.app().publishableKey()).header("Origin", TestHost.ORIGIN).GET();
        if (token != null) {
            request.header("X-Rater-Token", token);
        }
        return scored.host().http().send(request);
    }

    private JsonObject progress(String rater, String token, int status) {
        HttpResponse<String> res = progressResponse(rater, token);
        assertEquals(status, res.statusCode(), res.body());
        return JsonParser.parseString(res.body()).getAsJsonObject();
    }

    private String problem(String rater, String token, String slug) {
        HttpResponse<String> res = progressResponse(rater, token);
        assertEquals(401, res.statusCode(), res.body());
        assertTrue(res.body().contains("/problems/" + slug), res.body());
        return res.body();
    }

    /** As the app's server saves what its signed-in user chose: with the secret key. */
    private HttpResponse<String> saveProfile(String rater, String json) {
        return scored.host().http().send(scored.host().http().request("/v1/raters/" + rater + "/profile",
                        scored.app().secretKey())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonObject leaderboard(String period, String key) {
        HttpResponse<String> res = scored.host().http().send(scored.host().http().request("/v1/leaderboard?period="
                + period, key).header("Origin", TestHost.ORIGIN).GET());
        assertEquals(200, res.statusCode(), res.body());
        return JsonParser.parseString(res.body()).getAsJsonObject();
    }
}
