package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's list of raters against a real host: four raters of the shop voting a minute
 * apart (a steady one, a bot too fast, one failing the gold items, one who only compares
 * pairs), sorted, filtered and paged as the Raters page asks, and never another app's raters.
 */
class AdminRatersIT {
    static final String OPERATOR_TOKEN = "operator-token-of-this-test-0123456789";
    static final Instant START = Instant.parse("2026-11-27T13:05:10Z");

    @TempDir
    Path dir;
    TestClock clock = new TestClock(START);
    TestHost host;
    TestApp shop;
    TestApp other;

    @BeforeEach
    void start() {
        host = TestHost.start(dir, Map.of("admin.operatorToken", OPERATOR_TOKEN), clock);
        shop = host.createApp("shop");
        other = host.createApp("other");
        for (TestApp app : List.of(shop, other)) {
            StringBuilder items = new StringBuilder("{\"items\":[");
            for (int i = 0; i < 12; i++) {
                items.append("{\"id\":\"img-").append(i).append("\",\"imageUrl\":\"https://img.example/").append(i)
                        .append(".png\"},");
            }
            for (int i = 0; i < 8; i++) {
                items.append("{\"id\":\"gold-").append(i).append("\",\"imageUrl\":\"https://img.example/broken")
                        .append(i).append(".png\",\"gold\":\"dislike\"}").append(i < 7 ? "," : "]}");
            }
            assertEquals(200, host.http().post("/v1/items", app.secretKey(), null, items.toString()).statusCode());
        }

        List<String> steady = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            steady.add(binary("steady", "img-" + i, i % 3 == 0 ? "dislike" : "like", 2000));
        }
        steady.add(binary("steady", "gold-0", "dislike", 2000));
        steady.add(binary("steady", "gold-1", "dislike", 2000));
        send(shop, steady);
        clock.advance(Duration.ofMinutes(1));
        List<String> bot = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bot.add(binary("bot", "img-" + i, "like", 120));
        }
        send(shop, bot);
        clock.advance(Duration.ofMinutes(1));
        List<String> goldFailing = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            goldFailing.add(binary("goldfail", "gold-" + i, "like", 2000));
        }
        goldFailing.add(binary("goldfail", "img-0", "dislike", 2000));
        send(shop, goldFailing);
        clock.advance(Duration.ofMinutes(1));
        send(shop, List.of(pair("pairs", "img-0", "img-1", "left"), pair("pairs", "img-2", "img-3", "right")));
        send(other, List.of(binary("stranger", "img-0", "like", 2000), binary("steady", "img-1", "like", 2000)));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    static String binary(String rater, String item, String verdict, int dwellMs) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"" + rater + "\",\"kind\":\"binary\","
                + "\"item\":\"" + item + "\",\"verdict\":\"" + verdict + "\",\"dwellMs\":" + dwellMs + "}";
    }

    static String pair(String rater, String left, String right, String choice) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"" + rater + "\",\"kind\":\"pair\",\"left\":\"" + left
                + "\",\"right\":\"" + right + "\",\"choice\":\"" + choice + "\",\"dwellMs\":2000}";
    }

    void send(TestApp app, List<String> votes) {
        HttpResponse<String> res = host.http().post("/v1/votes", app.publishableKey(), TestHost.ORIGIN,
                "{\"votes\":[" + String.join(",", votes) + "]}");
        assertEquals(202, res.statusCode(), res.body());
    }

    JsonObject list(String query) {
        HttpResponse<String> res = host.http().get("/v1/admin/raters" + query, shop.secretKey());
        assertEquals(200, res.statusCode(), query + ": " + res.body());
        return HttpApiIT.json(res);
    }

    static List<String> raters(JsonObject page) {
        List<String> ids = new ArrayList<>();
        page.getAsJsonArray("raters").forEach(row -> ids.add(row.getAsJsonObject().get("rater").getAsString()));
        return ids;
    }

    static JsonObject row(JsonObject page, String rater) {
        for (JsonElement row : page.getAsJsonArray("raters")) {
            if (row.getAsJsonObject().get("rater").getAsString().equals(rater)) {
                return row.getAsJsonObject();
            }
        }
        throw new AssertionError(rater + " is not listed: " + page);
    }

    @Test
    void everyRaterIsListedWithVotesLatestVoteGoldAndWeightMostRecentFirst() {
        JsonObject page = list("");
        assertEquals(4, page.get("total").getAsInt());
        assertEquals(List.of("pairs", "goldfail", "bot", "steady"), raters(page));
        assertEquals("no-store", host.http().get("/v1/admin/raters", shop.secretKey()).headers()
                .firstValue("Cache-Control").orElse(null));

        JsonObject steady = row(page, "steady");
        assertEquals(8, steady.get("votes").getAsInt(), "the other app's 'steady' is another rater");
        assertEquals(START.toString(), steady.get("lastVoteAt").getAsString());
        assertFalse(steady.get("flagged").getAsBoolean());
        assertEquals(0, steady.getAsJsonArray("flags").size());
        assertEquals(1.0, steady.get("goldAccuracy").getAsDouble(), "both gold items disliked, as they should be");
        double weight = steady.get("weight").getAsDouble();
        assertTrue(weight >= 0 && weight <= 1, steady.toString());

        JsonObject pairs = row(page, "pairs");
        assertEquals(2, pairs.get("votes").getAsInt());
        assertEquals(START.plus(Duration.ofMinutes(3)).toString(), pairs.get("lastVoteAt").getAsString());
        assertTrue(pairs.get("goldAccuracy").isJsonNull(), "no gold answered");
        assertTrue(pairs.get("weight").isJsonNull(), "Dawid–Skene weighs likes and dislikes; pairs only: none");
    }

    @Test
    void aTooFastAndAGoldFailingRaterAreFlaggedWithTheirReasons() {
        JsonObject page = list("");
        JsonObject bot = row(page, "bot");
        assertTrue(bot.get("flagged").getAsBoolean());
        JsonArray botFlags = bot.getAsJsonArray("flags");
        assertEquals(1, botFlags.size(), botFlags.toString());
        JsonObject tooFast = botFlags.get(0).getAsJsonObject();
        assertEquals("too-fast", tooFast.get("code").getAsString());
        assertTrue(tooFast.get("reason").getAsString().contains("under 400 ms"), tooFast.toString());
        assertEquals(START.plus(Duration.ofMinutes(1)).toString(), tooFast.get("since").getAsString());
        assertEquals(12, bot.get("votes").getAsInt());

        JsonObject goldFailing = row(page, "goldfail");
        assertTrue(goldFailing.get("flagged").getAsBoolean());
        JsonObject gold = goldFailing.getAsJsonArray("flags").get(0).getAsJsonObject();
        assertEquals("gold-accuracy", gold.get("code").getAsString());
        assertTrue(gold.get("reason").getAsString().startsWith("0 of 8 gold answers were correct"), gold.toString());
        assertEquals(START.plus(Duration.ofMinutes(2)).toString(), gold.get("since").getAsString());
        assertEquals(0.0, goldFailing.get("goldAccuracy").getAsDouble());

        JsonObject single = HttpApiIT.json(host.http().get("/v1/raters/bot/quality", shop.secretKey()));
        assertEquals(single.getAsJsonArray("flags"), botFlags, "the same flags as the rater's own quality page");
    }

    @Test
    void sortOrderFilterAndPaging() {
        assertEquals(List.of("bot", "goldfail", "steady", "pairs"), raters(list("?sort=votes")));
        assertEquals(List.of("pairs", "steady", "goldfail", "bot"), raters(list("?sort=votes&order=asc")));
        assertEquals(List.of("steady", "bot", "goldfail", "pairs"), raters(list("?order=asc")));
        assertEquals(List.of("goldfail", "bot", "pairs", "steady"), raters(list("?sort=flagged")),
                "flagged first, each group most recent first");

        JsonObject flagged = list("?flagged=true");
        assertEquals(2, flagged.get("total").getAsInt());
        assertEquals(List.of("goldfail", "bot"), raters(flagged));
        JsonObject clean = list("?flagged=false&sort=votes");
        assertEquals(2, clean.get("total").getAsInt());
        assertEquals(List.of("steady", "pairs"), raters(clean));

        JsonObject second = list("?limit=2&offset=1");
        assertEquals(4, second.get("total").getAsInt(), "total counts every rater, not the page");
        assertEquals(List.of("goldfail", "bot"), raters(second));
        JsonObject beyond = list("?offset=4");
        assertEquals(4, beyond.get("total").getAsInt());
        assertEquals(List.of(), raters(beyond));
        assertEquals(List.of("pairs"), raters(list("?limit=1")));
    }

    @Test
    void badParametersAre400NamingEachOne() {
        HttpResponse<String> res = host.http().get("/v1/admin/raters?sort=wilson&order=up&flagged=yes&limit=0"
                + "&offset=-1", shop.secretKey());
        JsonObject problem = HttpApiIT.problem(res, 400, "invalid-request");
        Set<String> fields = new HashSet<>();
        problem.getAsJsonArray("errors").forEach(e -> fields.add(e.getAsJsonObject().get("field").getAsString()));
        assertEquals(Set.of("sort", "order", "flagged", "limit", "offset"), fields, res.body());

        for (String query : List.of("limit=1001", "limit=ten", "offset=x")) {
            HttpResponse<String> one = host.http().get("/v1/admin/raters?" + query, shop.secretKey());
            String field = query.substring(0, query.indexOf('='));
            assertEquals(field, HttpApiIT.problem(one, 400, "invalid-request").getAsJsonArray("errors").get(0)
                    .getAsJsonObject().get("field").getAsString(), query);
        }
        assertEquals(401, host.http().get("/v1/admin/raters", null).statusCode());
        assertEquals(403, host.http().get("/v1/admin/raters", shop.publishableKey()).statusCode(),
                "the publishable key is in every page's source");
    }

    @Test
    void anotherAppsRatersAreNeverVisible() {
        AdminClient shopSession = AdminClient.signIn(host.http(), shop.secretKey());
        JsonObject bySession = HttpApiIT.json(shopSession.get("/v1/admin/raters"));
        assertEquals(List.of("pairs", "goldfail", "bot", "steady"), raters(bySession));
        HttpApiIT.problem(shopSession.get("/v1/admin/raters?app=" + other.id()), 403, "wrong-app");

        JsonObject byOtherKey = HttpApiIT.json(host.http().get("/v1/admin/raters", other.secretKey()));
        assertEquals(List.of("steady", "stranger"), raters(byOtherKey), "same receivedAt: by rater id");
        assertEquals(1, row(byOtherKey, "steady").get("votes").getAsInt());

        AdminClient operator = AdminClient.signIn(host.http(), OPERATOR_TOKEN);
        HttpApiIT.problem(operator.get("/v1/admin/raters"), 400, "invalid-request");
        HttpResponse<String> chosen = operator.get("/v1/admin/raters?app=" + other.id() + "&sort=votes");
        assertEquals(200, chosen.statusCode(), chosen.body());
        assertEquals(2, HttpApiIT.json(chosen).get("total").getAsInt());
        HttpResponse<String> byHeader = host.http().send(operator.request("/v1/admin/raters")
                .header("X-Swipeloop-App", shop.id()).GET());
        assertEquals(4, HttpApiIT.json(byHeader).get("total").getAsInt(), byHeader.body());
    }
}
