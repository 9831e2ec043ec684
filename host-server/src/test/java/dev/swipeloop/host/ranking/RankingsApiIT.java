package dev.swipeloop.host.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestHost.TestApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * Rankings, item stats, rater quality and per-app settings through the real host, the built
 * SQLite plugin and real HTTP: what an app owner sees after their users swipe.
 */
class RankingsApiIT {
    @TempDir
    Path dir;
    TestHost host;
    TestApp app;

    @BeforeEach
    void start() {
        host = TestHost.start(dir, Map.of("scores.refreshMillis", "100"));
        app = host.createApp("memes");
        // Three models; in each prompt group one image per model. "broken" is a gold honeypot.
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (String group : List.of("cat", "dog", "fox", "owl")) {
            for (String model : List.of("great", "good", "poor")) {
                items.append("{\"id\":\"").append(group).append('-').append(model)
                        .append("\",\"imageUrl\":\"https://img.example/").append(group).append(model)
                        .append(".png\",\"prompt\":\"a ").append(group).append("\",\"group\":\"").append(group)
                        .append("\",\"model\":\"").append(model).append("\"},");
            }
        }
        items.append("{\"id\":\"broken\",\"imageUrl\":\"https://img.example/broken.png\",\"gold\":\"dislike\"}]}");
        assertEquals(200, host.http().post("/v1/items", app.secretKey(), null, items.toString()).statusCode());
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    // ---- rankings -----------------------------------------------------------------------------

    @Test
    void bradleyTerryRanksTheModelsByThePairsTheyWonWithIntervalsAndArenaRanks() {
        List<String> votes = new ArrayList<>();
        int n = 0;
        for (String group : List.of("cat", "dog", "fox", "owl")) {
            for (int round = 0; round < 6; round++) {
                String rater = "r" + (n++);
                // great beats good 5 of 6, good beats poor every time, great beats poor every time.
                votes.add(pair(rater, group + "-great", group + "-good", round < 5 ? "left" : "right", 1500));
                votes.add(pair(rater + "x", group + "-poor", group + "-good", "right", 1500));
                votes.add(pair(rater + "y", group + "-poor", group + "-great", round % 2 == 0 ? "right" : "tie", 1500));
            }
        }
        send(votes);

        JsonObject ranking = get("/v1/rankings?of=models&method=bt");
        assertEquals("bt", ranking.get("method").getAsString());
        assertEquals(72, ranking.get("asOfSeq").getAsLong(), "every vote counted");
        assertFalse(ranking.get("stale").getAsBoolean());
        assertEquals(100, ranking.getAsJsonObject("parameters").get("rounds").getAsInt());
        JsonArray rows = ranking.getAsJsonArray("rankings");
        assertEquals(List.of("great", "good", "poor"), ids(rows));
        JsonObject great = rows.get(0).getAsJsonObject();
        JsonObject poor = rows.get(2).getAsJsonObject();
        assertEquals(1, great.get("rank").getAsInt());
        assertTrue(great.get("lower").getAsDouble() < great.get("score").getAsDouble()
                && great.get("score").getAsDouble() < great.get("upper").getAsDouble(), great.toString());
        assertTrue(poor.get("upper").getAsDouble() < great.get("lower").getAsDouble(), ranking.toString());
        assertEquals(3, poor.get("rank").getAsInt(), "both others lie wholly above it: " + ranking);
        JsonObject greatVotes = great.getAsJsonObject("votes");
        assertEquals(20 + 12, greatVotes.get("wins").getAsInt(), greatVotes.toString());
        assertEquals(4, greatVotes.get("losses").getAsInt());
        assertEquals(12, greatVotes.get("ties").getAsInt());

        JsonObject again = get("/v1/rankings?of=models&method=bt");
        assertEquals(ranking.getAsJsonArray("rankings"), again.getAsJsonArray("rankings"),
                "the same votes give the same fit and the same bootstrap intervals");

        JsonObject elo = get("/v1/rankings?of=models&method=elo");
        assertEquals("great", ids(elo.getAsJsonArray("rankings")).get(0));
        assertTrue(elo.getAsJsonArray("rankings").get(0).getAsJsonObject().get("lower").isJsonNull(),
                "live Elo has no interval");

        JsonObject catItems = get("/v1/rankings?of=items&method=bt&group=cat");
        assertEquals(List.of("cat-great", "cat-good", "cat-poor"), ids(catItems.getAsJsonArray("rankings")));
        assertEquals("cat", catItems.getAsJsonArray("rankings").get(0).getAsJsonObject().get("group").getAsString());
    }

    @Test
    void wilsonAndBayesRankImagesByLikesAndLeaveTheGoldItemOut() {
        List<String> votes = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            votes.add(binary("fan" + r, "cat-great", r < 18 ? "like" : "dislike", 1500));
            votes.add(binary("fan" + r, "cat-poor", r < 4 ? "like" : "dislike", 1500));
            votes.add(binary("fan" + r, "broken", "dislike", 1500));
        }
        votes.add(binary("one", "dog-good", "like", 1500));
        send(votes);

        JsonObject wilson = get("/v1/rankings?method=wilson");
        List<String> order = ids(wilson.getAsJsonArray("rankings"));
        assertEquals(List.of("cat-great", "dog-good", "cat-poor"), order,
                "one like is a weak case (lower bound 0.21), 4 of 20 weaker still; the gold item is not ranked");
        JsonObject top = wilson.getAsJsonArray("rankings").get(0).getAsJsonObject();
        assertEquals(0.699, top.get("score").getAsDouble(), 0.001, "Wilson lower bound of 18/20 at z 1.96");
        assertEquals(18, top.getAsJsonObject("votes").get("likes").getAsInt());
        assertEquals(1.96, wilson.getAsJsonObject("parameters").get("z").getAsDouble());

        JsonObject bayes = get("/v1/rankings?method=bayes");
        JsonObject prior = bayes.getAsJsonObject("parameters");
        assertEquals(10.0, prior.get("alpha").getAsDouble() + prior.get("beta").getAsDouble(), 1e-9);
        assertEquals(24.0 / 43 * 10, prior.get("alpha").getAsDouble(), 1e-9,
                "the prior's mean is the app's like rate over regular images (23 of 41), Laplace-smoothed");

        JsonObject page = get("/v1/rankings?method=wilson&limit=1&offset=1");
        assertEquals(3, page.get("total").getAsInt());
        assertEquals(List.of("dog-good"), ids(page.getAsJsonArray("rankings")));
    }

    @Test
    void goldItemsStayOutOfModelScoresBattlesAndEloThoughTheyHaveAModel() {
        assertEquals(200, host.http().post("/v1/items", app.secretKey(), null, """
                {"items":[{"id":"gold-fine","imageUrl":"https://img.example/fine.png","model":"poor","gold":"like"},
                          {"id":"gold-broken","imageUrl":"https://img.example/broken2.png","model":"great","gold":"dislike"}]}""")
                .statusCode());
        List<String> votes = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            votes.add(pair("checker" + r, "gold-fine", "gold-broken", "left", 1500));
            votes.add(binary("checker" + r, "gold-broken", "dislike", 1500));
        }
        votes.add(pair("one", "cat-great", "cat-poor", "left", 1500));
        send(votes);

        JsonArray models = get("/v1/rankings?of=models&method=bt").getAsJsonArray("rankings");
        assertEquals(List.of("great", "poor"), ids(models), "only the one regular battle counts: " + models);
        assertEquals(1, models.get(0).getAsJsonObject().getAsJsonObject("votes").get("wins").getAsInt());
        JsonArray items = get("/v1/rankings?of=items&method=bt").getAsJsonArray("rankings");
        assertEquals(List.of("cat-great", "cat-poor"), ids(items));
        assertEquals(1, items.get(0).getAsJsonObject().get("rank").getAsInt());
        JsonArray likes = get("/v1/rankings?of=models&method=wilson").getAsJsonArray("rankings");
        assertEquals(0, likes.size(), "the gold item's dislikes are not the model's: " + likes);
        assertEquals(10, get("/v1/items/gold-broken/stats").getAsJsonObject("binary").get("dislikes").getAsInt(),
                "a gold item still has its own stats");
    }

    @Test
    void itemStatsShowEveryCountAndUnknownItemsAre404() {
        send(List.of(binary("a", "cat-good", "like", 900), binary("b", "cat-good", "dislike", 900),
                binary("c", "cat-good", "skip", 900), pair("d", "cat-good", "cat-poor", "left", 900)));
        JsonObject stats = get("/v1/items/cat-good/stats");
        assertEquals("good", stats.get("model").getAsString());
        assertEquals(4, stats.get("asOfSeq").getAsLong());
        JsonObject binary = stats.getAsJsonObject("binary");
        assertEquals(1, binary.get("likes").getAsInt());
        assertEquals(1, binary.get("dislikes").getAsInt());
        assertEquals(1, binary.get("skips").getAsInt());
        assertEquals(0.5, binary.get("likeRate").getAsDouble());
        assertTrue(binary.getAsJsonObject("wilson").get("lower").getAsDouble() < 0.5);
        JsonObject pair = stats.getAsJsonObject("pair");
        assertEquals(1, pair.get("wins").getAsInt());
        assertTrue(pair.get("elo").getAsDouble() > 1000);

        JsonObject untouched = get("/v1/items/owl-poor/stats");
        assertEquals(0, untouched.getAsJsonObject("binary").get("likes").getAsInt());
        assertTrue(untouched.getAsJsonObject("binary").get("likeRate").isJsonNull());
        assertEquals(404, host.http().get("/v1/items/nope/stats", app.secretKey()).statusCode());
    }

    @Test
    void badQueriesAre400NamingTheParameterAndKeysAreChecked() {
        HttpResponse<String> bad = host.http().get("/v1/rankings?of=prompts&method=median&limit=0", app.secretKey());
        assertEquals(400, bad.statusCode());
        Set<String> fields = new HashSet<>();
        JsonParser.parseString(bad.body()).getAsJsonObject().getAsJsonArray("errors")
                .forEach(e -> fields.add(e.getAsJsonObject().get("field").getAsString()));
        assertEquals(Set.of("of", "method", "limit"), fields);
        assertEquals(400, host.http().get("/v1/rankings?of=models&group=cat", app.secretKey()).statusCode());
        assertEquals(401, host.http().get("/v1/rankings", null).statusCode());
        assertEquals(403, host.http().get("/v1/rankings", app.publishableKey()).statusCode());
        assertEquals(403, host.http().get("/v1/raters/x/quality", app.publishableKey()).statusCode());
    }

    // ---- rater quality -----------------------------------------------------------------------

    @Test
    void aFastBotIsFlaggedWithItsReasonAndExportsCanLeaveItsVotesOut() {
        List<String> votes = new ArrayList<>();
        int i = 0;
        for (String item : allImages()) {
            votes.add(binary("bot", item, "like", 120));
            votes.add(binary("human", item, i++ % 3 == 0 ? "dislike" : "like", 2400));
        }
        send(votes);

        JsonObject bot = get("/v1/raters/bot/quality");
        assertTrue(bot.get("flagged").getAsBoolean(), bot.toString());
        JsonObject flag = bot.getAsJsonArray("flags").get(0).getAsJsonObject();
        assertEquals("too-fast", flag.get("code").getAsString());
        assertTrue(flag.get("reason").getAsString().contains("under 400 ms"), flag.toString());
        assertEquals(12, bot.getAsJsonObject("votes").getAsJsonObject("binary").get("likes").getAsInt());
        JsonObject human = get("/v1/raters/human/quality");
        assertFalse(human.get("flagged").getAsBoolean(), human.toString());
        assertEquals("dawid-skene", human.getAsJsonObject("weight").get("method").getAsString());
        assertEquals(404, host.http().get("/v1/raters/nobody/quality", app.secretKey()).statusCode());

        JsonObject quality = get("/v1/quality");
        assertEquals(2, quality.get("raters").getAsInt());
        assertEquals(1, quality.get("flaggedRaters").getAsInt());

        String all = host.http().get("/v1/exports/jsonl", app.secretKey()).body();
        assertEquals(24, all.lines().count(), "flagged votes are kept by default");
        assertTrue(all.lines().anyMatch(line -> line.contains("\"raterFlags\":[\"too-fast\"]")), all);
        HttpResponse<String> kept = host.http().get("/v1/exports/jsonl?excludeFlagged=true", app.secretKey());
        assertEquals(200, kept.statusCode(), kept.body());
        assertEquals(12, kept.body().lines().count(), "only the human's votes");
        assertFalse(kept.body().contains("too-fast"));
    }

    @Test
    void aJumpInTheFlagRateRaisesAnAlarmInHealth() {
        patch("{\"quality.alarm.windowVotes\": 10}", 200);
        List<String> votes = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            votes.add(binary("honest" + i, allImages().get(i % 12), i % 2 == 0 ? "like" : "dislike", 2000));
        }
        send(votes);
        waitForBoards();
        JsonObject health = JsonParser.parseString(host.http().get("/health", null).body()).getAsJsonObject();
        assertEquals(0, health.getAsJsonObject("quality").getAsJsonArray("alarms").size(), health.toString());

        List<String> burst = new ArrayList<>();
        for (String item : allImages().subList(0, 10)) {
            burst.add(binary("clicker", item, "like", 90));
        }
        send(burst);
        JsonArray alarms = get("/v1/quality").getAsJsonArray("alarms");
        assertEquals(1, alarms.size(), alarms.toString());
        assertEquals("too-fast", alarms.get(0).getAsJsonObject().get("rule").getAsString());
        waitForBoards();
        JsonArray inHealth = JsonParser.parseString(host.http().get("/health", null).body()).getAsJsonObject()
                .getAsJsonObject("quality").getAsJsonArray("alarms");
        assertEquals(1, inHealth.size(), inHealth.toString());
        assertEquals(app.id(), inHealth.get(0).getAsJsonObject().get("app").getAsString());
    }

    @Test
    void erasingARaterTakesTheirVotesOutOfTheScores() {
        send(List.of(binary("keep", "cat-great", "like", 1500), binary("erase", "cat-great", "dislike", 1500),
                binary("erase", "cat-poor", "dislike", 1500), pair("keep", "dog-great", "dog-poor", "left", 1500),
                pair("erase", "dog-poor", "dog-great", "left", 1500), pair("erase", "fox-poor", "fox-great", "left", 1500)));
        assertEquals(1, get("/v1/items/cat-great/stats").getAsJsonObject("binary").get("dislikes").getAsInt());
        JsonObject before = get("/v1/rankings?of=models&method=bt").getAsJsonArray("rankings").get(0).getAsJsonObject();
        assertEquals("poor", before.get("id").getAsString(), "the erased rater's two wins put poor first: " + before);
        HttpResponse<String> deleted = host.http().send(host.http().request("/v1/raters/erase", app.secretKey()).DELETE());
        assertEquals(204, deleted.statusCode());
        JsonObject stats = get("/v1/items/cat-great/stats");
        assertEquals(0, stats.getAsJsonObject("binary").get("dislikes").getAsInt(), stats.toString());
        assertEquals(1, stats.getAsJsonObject("binary").get("likes").getAsInt());
        assertEquals(404, host.http().get("/v1/raters/erase/quality", app.secretKey()).statusCode());
        JsonObject after = get("/v1/rankings?of=models&method=bt");
        assertEquals("great", after.getAsJsonArray("rankings").get(0).getAsJsonObject().get("id").getAsString(),
                "the cached fit with the erased votes is not served again: " + after);
        assertEquals(1, after.getAsJsonArray("rankings").get(0).getAsJsonObject().getAsJsonObject("votes")
                .get("wins").getAsInt());
    }

    // ---- settings ----------------------------------------------------------------------------

    @Test
    void settingsAreListedChangedAsAWholeAndBadOnesChangeNothing() {
        JsonObject listed = get("/v1/settings");
        JsonObject z = setting(listed, "ranking.z");
        assertEquals(1.96, z.get("value").getAsDouble());
        assertEquals(1.96, z.get("default").getAsDouble());
        assertFalse(z.get("changed").getAsBoolean());
        assertFalse(z.get("doc").getAsString().isEmpty());

        HttpResponse<String> bad = patch("{\"ranking.z\": \"wide\", \"quality.fast.k\": 50, \"nope\": 1,"
                + " \"deck.retire.votes\": 5}", 400);
        Set<String> fields = new HashSet<>();
        JsonParser.parseString(bad.body()).getAsJsonObject().getAsJsonArray("errors")
                .forEach(e -> fields.add(e.getAsJsonObject().get("field").getAsString()));
        assertEquals(Set.of("ranking.z", "quality.fast.k", "nope"), fields, bad.body());
        assertEquals(200, setting(get("/v1/settings"), "deck.retire.votes").get("value").getAsInt(),
                "a rejected change changes nothing, not even its good keys");

        JsonObject changed = JsonParser.parseString(patch("{\"ranking.z\": 2.576, \"deck.order\": \"least-judged\"}", 200)
                .body()).getAsJsonObject();
        assertEquals(2.576, setting(changed, "ranking.z").get("value").getAsDouble());
        assertTrue(setting(changed, "ranking.z").get("changed").getAsBoolean());
        assertEquals(2.576, get("/v1/rankings").getAsJsonObject("parameters").get("z").getAsDouble(),
                "rankings use the app's z at once");
        patch("{\"ranking.z\": null}", 200);
        assertEquals(1.96, setting(get("/v1/settings"), "ranking.z").get("value").getAsDouble(), "null is the default");
        assertEquals("least-judged", setting(get("/v1/settings"), "deck.order").get("value").getAsString(),
                "keys not named stay");
    }

    @Test
    void aSpeedRuleLoosenedInSettingsClearsTheFlagOnTheNextRead() {
        List<String> votes = new ArrayList<>();
        for (String item : allImages()) {
            votes.add(binary("quick", item, "like", 300));
        }
        send(votes);
        assertTrue(get("/v1/raters/quick/quality").get("flagged").getAsBoolean());
        patch("{\"quality.fast.dwellMs\": 250}", 200);
        JsonObject after = get("/v1/raters/quick/quality");
        assertFalse(after.get("flagged").getAsBoolean(), after.toString());
    }

    // ---- decks --------------------------------------------------------------------------------

    @Test
    void learningDecksRetireSettledImagesAndMixGoldIn() {
        patch("{\"deck.retire.votes\": 3, \"quality.gold.rate\": 1}", 200);
        List<String> votes = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            votes.add(binary("early" + r, "cat-great", "like", 1500));
        }
        send(votes);
        waitForBoards();

        List<String> deck = deckIds("newcomer", "binary", 50);
        assertFalse(deck.contains("cat-great"), "3 votes settle an image at deck.retire.votes = 3: " + deck);
        assertEquals("broken", deck.get(0), "at gold rate 1 the first card is the gold one: " + deck);
        assertEquals(12, deck.size(), "11 open images and the gold card");
        assertTrue(get("/v1/items/cat-great/stats").getAsJsonObject("binary").get("retired").getAsBoolean());

        patch("{\"deck.order\": \"least-judged\"}", 200);
        assertTrue(deckIds("newcomer", "binary", 50).contains("cat-great"), "least-judged decks retire nothing");
    }

    @Test
    void pairDecksPairImagesOfOnePromptGroupFirstAndShowEveryImageOnce() {
        JsonArray cards = deck("someone", "pair", 6);
        assertEquals(6, cards.size(), cards.toString());
        Set<String> shown = new HashSet<>();
        for (int i = 0; i < cards.size(); i++) {
            JsonObject card = cards.get(i).getAsJsonObject();
            assertTrue(shown.add(card.getAsJsonObject("left").get("id").getAsString()), cards.toString());
            assertTrue(shown.add(card.getAsJsonObject("right").get("id").getAsString()), cards.toString());
            if (i < 4) {
                assertEquals(card.getAsJsonObject("left").get("group"), card.getAsJsonObject("right").get("group"),
                        "each of the four groups of three gives one pair of its own first: " + cards);
            }
        }
        assertFalse(shown.contains("broken"), "a lone gold item is no gold pair");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static List<String> allImages() {
        List<String> items = new ArrayList<>();
        for (String group : List.of("cat", "dog", "fox", "owl")) {
            for (String model : List.of("great", "good", "poor")) {
                items.add(group + "-" + model);
            }
        }
        return items;
    }

    private static String binary(String rater, String item, String verdict, int dwellMs) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"" + rater + "\",\"kind\":\"binary\",\"item\":\"" + item
                + "\",\"verdict\":\"" + verdict + "\",\"dwellMs\":" + dwellMs + "}";
    }

    private static String pair(String rater, String left, String right, String choice, int dwellMs) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"" + rater + "\",\"kind\":\"pair\",\"left\":\"" + left
                + "\",\"right\":\"" + right + "\",\"choice\":\"" + choice + "\",\"dwellMs\":" + dwellMs + "}";
    }

    /** Sends in batches, one rater per batch as the widget does not require; the host accepts mixed raters. */
    private void send(List<String> votes) {
        for (int from = 0; from < votes.size(); from += 100) {
            String body = "{\"votes\":[" + String.join(",", votes.subList(from, Math.min(votes.size(), from + 100))) + "]}";
            HttpResponse<String> res = host.http().post("/v1/votes", app.publishableKey(), TestHost.ORIGIN, body);
            assertEquals(202, res.statusCode(), res.body());
        }
    }

    private JsonObject get(String path) {
        HttpResponse<String> res = host.http().get(path, app.secretKey());
        assertEquals(200, res.statusCode(), path + ": " + res.body());
        return JsonParser.parseString(res.body()).getAsJsonObject();
    }

    private HttpResponse<String> patch(String json, int status) {
        HttpResponse<String> res = host.http().send(host.http().request("/v1/settings", app.secretKey())
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(status, res.statusCode(), res.body());
        return res;
    }

    private JsonArray deck(String rater, String mode, int limit) {
        HttpResponse<String> res = host.http().send(host.http().request("/v1/deck?rater=" + rater + "&mode=" + mode
                + "&limit=" + limit, app.publishableKey()).header("Origin", TestHost.ORIGIN).GET());
        assertEquals(200, res.statusCode(), res.body());
        return JsonParser.parseString(res.body()).getAsJsonObject().getAsJsonArray("cards");
    }

    private List<String> deckIds(String rater, String mode, int limit) {
        List<String> ids = new ArrayList<>();
        deck(rater, mode, limit).forEach(card -> ids.add(card.getAsJsonObject().getAsJsonObject("item").get("id")
                .getAsString()));
        return ids;
    }

    /** Decks and /health read boards the background refresh keeps (every 100 ms here); give it two rounds. */
    private static void waitForBoards() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonObject setting(JsonObject settings, String name) {
        for (JsonElement e : settings.getAsJsonArray("settings")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(name + " is not listed: " + settings);
    }

    private static List<String> ids(JsonArray rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getAsJsonObject().get("id").getAsString()));
        return ids;
    }
}
