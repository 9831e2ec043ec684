package dev.swipeloop.host.ranking;

import static dev.swipeloop.host.testing.ScoredApp.allImages;
import static dev.swipeloop.host.testing.ScoredApp.binary;
import static dev.swipeloop.host.testing.ScoredApp.ids;
import static dev.swipeloop.host.testing.ScoredApp.pair;
import static dev.swipeloop.host.testing.ScoredApp.waitForBoards;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.ScoredApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rankings, item stats and learning decks through the real host, the built SQLite plugin and
 * real HTTP: what an app owner sees after their users swipe.
 */
class RankingsApiIT {
    @TempDir
    Path dir;
    ScoredApp scored;

    @BeforeEach
    void start() {
        scored = ScoredApp.start(dir);
    }

    @AfterEach
    void stop() {
        if (scored != null) {
            scored.close();
        }
    }

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
        scored.send(votes);

        JsonObject ranking = scored.get("/v1/rankings?of=models&method=bt");
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

        JsonObject again = scored.get("/v1/rankings?of=models&method=bt");
        assertEquals(ranking.getAsJsonArray("rankings"), again.getAsJsonArray("rankings"),
                "the same votes give the same fit and the same bootstrap intervals");

        JsonObject elo = scored.get("/v1/rankings?of=models&method=elo");
        assertEquals("great", ids(elo.getAsJsonArray("rankings")).get(0));
        assertTrue(elo.getAsJsonArray("rankings").get(0).getAsJsonObject().get("lower").isJsonNull(),
                "live Elo has no interval");

        JsonObject catItems = scored.get("/v1/rankings?of=items&method=bt&group=cat");
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
        scored.send(votes);

        JsonObject wilson = scored.get("/v1/rankings?method=wilson");
        List<String> order = ids(wilson.getAsJsonArray("rankings"));
        assertEquals(List.of("cat-great", "dog-good", "cat-poor"), order,
                "one like is a weak case (lower bound 0.21), 4 of 20 weaker still; the gold item is not ranked");
        JsonObject top = wilson.getAsJsonArray("rankings").get(0).getAsJsonObject();
        assertEquals(0.699, top.get("score").getAsDouble(), 0.001, "Wilson lower bound of 18/20 at z 1.96");
        assertEquals(18, top.getAsJsonObject("votes").get("likes").getAsInt());
        assertEquals(1.96, wilson.getAsJsonObject("parameters").get("z").getAsDouble());

        JsonObject bayes = scored.get("/v1/rankings?method=bayes");
        JsonObject prior = bayes.getAsJsonObject("parameters");
        assertEquals(10.0, prior.get("alpha").getAsDouble() + prior.get("beta").getAsDouble(), 1e-9);
        assertEquals(24.0 / 43 * 10, prior.get("alpha").getAsDouble(), 1e-9,
                "the prior's mean is the app's like rate over regular images (23 of 41), Laplace-smoothed");

        JsonObject page = scored.get("/v1/rankings?method=wilson&limit=1&offset=1");
        assertEquals(3, page.get("total").getAsInt());
        assertEquals(List.of("dog-good"), ids(page.getAsJsonArray("rankings")));
    }

    @Test
    void goldItemsStayOutOfModelScoresBattlesAndEloThoughTheyHaveAModel() {
        assertEquals(200, scored.host().http().post("/v1/items", scored.app().secretKey(), null, """
                {"items":[{"id":"gold-fine","imageUrl":"https://img.example/fine.png","model":"poor","gold":"like"},
                          {"id":"gold-broken","imageUrl":"https://img.example/broken2.png","model":"great","gold":"dislike"}]}""")
                .statusCode());
        List<String> votes = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            votes.add(pair("checker" + r, "gold-fine", "gold-broken", "left", 1500));
            votes.add(binary("checker" + r, "gold-broken", "dislike", 1500));
        }
        votes.add(pair("one", "cat-great", "cat-poor", "left", 1500));
        scored.send(votes);

        JsonArray models = scored.get("/v1/rankings?of=models&method=bt").getAsJsonArray("rankings");
        assertEquals(List.of("great", "poor"), ids(models), "only the one regular battle counts: " + models);
        assertEquals(1, models.get(0).getAsJsonObject().getAsJsonObject("votes").get("wins").getAsInt());
        JsonArray items = scored.get("/v1/rankings?of=items&method=bt").getAsJsonArray("rankings");
        assertEquals(List.of("cat-great", "cat-poor"), ids(items));
        assertEquals(1, items.get(0).getAsJsonObject().get("rank").getAsInt());
        JsonArray likes = scored.get("/v1/rankings?of=models&method=wilson").getAsJsonArray("rankings");
        assertEquals(0, likes.size(), "the gold item's dislikes are not the model's: " + likes);
        assertEquals(10, scored.get("/v1/items/gold-broken/stats").getAsJsonObject("binary").get("dislikes").getAsInt(),
                "a gold item still has its own stats");
    }

    @Test
    void itemStatsShowEveryCountAndUnknownItemsAre404() {
        scored.send(List.of(binary("a", "cat-good", "like", 900), binary("b", "cat-good", "dislike", 900),
                binary("c", "cat-good", "skip", 900), pair("d", "cat-good", "cat-poor", "left", 900)));
        JsonObject stats = scored.get("/v1/items/cat-good/stats");
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

        JsonObject untouched = scored.get("/v1/items/owl-poor/stats");
        assertEquals(0, untouched.getAsJsonObject("binary").get("likes").getAsInt());
        assertTrue(untouched.getAsJsonObject("binary").get("likeRate").isJsonNull());
        assertEquals(404, scored.host().http().get("/v1/items/nope/stats", scored.app().secretKey()).statusCode());
    }

    @Test
    void badQueriesAre400NamingTheParameterAndKeysAreChecked() {
        HttpResponse<String> bad = scored.host().http().get("/v1/rankings?of=prompts&method=median&limit=0", scored.app().secretKey());
        assertEquals(400, bad.statusCode());
        Set<String> fields = new HashSet<>();
        JsonParser.parseString(bad.body()).getAsJsonObject().getAsJsonArray("errors")
                .forEach(e -> fields.add(e.getAsJsonObject().get("field").getAsString()));
        assertEquals(Set.of("of", "method", "limit"), fields);
        assertEquals(400, scored.host().http().get("/v1/rankings?of=models&group=cat", scored.app().secretKey()).statusCode());
        assertEquals(401, scored.host().http().get("/v1/rankings", null).statusCode());
        assertEquals(403, scored.host().http().get("/v1/rankings", scored.app().publishableKey()).statusCode());
        assertEquals(403, scored.host().http().get("/v1/raters/x/quality", scored.app().publishableKey()).statusCode());
    }

    /**
     * Scores are folded in as votes arrive, never recomputed per request; folding batch by batch
     * must give exactly what a board rebuilt from the first vote gives.
     */
    @Test
    void scoresFoldedBatchByBatchEqualScoresRebuiltFromTheFirstVote() {
        List<String> paths = List.of("/v1/rankings?of=models&method=bt", "/v1/rankings?of=models&method=elo",
                "/v1/rankings?of=items&method=wilson", "/v1/rankings?of=items&method=bayes",
                "/v1/rankings?of=items&method=bt&group=dog", "/v1/items/dog-good/stats", "/v1/quality");
        List<String> images = allImages();
        for (int batch = 0; batch < 5; batch++) {
            List<String> votes = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                String rater = "b" + batch + "r" + r;
                votes.add(binary(rater, images.get((batch + r) % 12), (batch + r) % 3 == 0 ? "dislike" : "like", 1500));
                String group = List.of("cat", "dog", "fox", "owl").get(r % 4);
                votes.add(pair(rater, group + "-great", group + (r % 2 == 0 ? "-poor" : "-good"),
                        (batch * r) % 4 == 0 ? "right" : (batch + r) % 5 == 0 ? "tie" : "left", 1500));
            }
            scored.send(votes);
            paths.forEach(scored::get);
        }
        // Exactly 4 fast votes: flagged at the default k = 4, not at k = 5.
        scored.send(List.of(binary("quick", "cat-good", "like", 100), binary("quick", "dog-good", "like", 100),
                binary("quick", "fox-good", "like", 100), binary("quick", "owl-good", "like", 100)));
        List<JsonObject> folded = new ArrayList<>();
        paths.forEach(path -> folded.add(scored.get(path)));
        assertTrue(scored.get("/v1/raters/quick/quality").get("flagged").getAsBoolean());

        scored.patch("{\"quality.fast.k\": 5}", 200);
        assertFalse(scored.get("/v1/raters/quick/quality").get("flagged").getAsBoolean(),
                "the raised flag stands for good once raised, so only a rebuild from the first vote clears it");
        scored.patch("{\"quality.fast.k\": null}", 200);
        assertTrue(scored.get("/v1/raters/quick/quality").get("flagged").getAsBoolean(), "rebuilt again at k = 4");
        for (int i = 0; i < paths.size(); i++) {
            assertEquals(folded.get(i), scored.get(paths.get(i)), paths.get(i));
        }
    }

    // ---- decks --------------------------------------------------------------------------------

    @Test
    void learningDecksRetireSettledImagesAndMixGoldIn() {
        scored.patch("{\"deck.retire.votes\": 3, \"quality.gold.rate\": 1}", 200);
        List<String> votes = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            votes.add(binary("early" + r, "cat-great", "like", 1500));
        }
        scored.send(votes);
        waitForBoards();

        List<String> deck = scored.deckIds("newcomer", "binary", 50);
        assertFalse(deck.contains("cat-great"), "3 votes settle an image at deck.retire.votes = 3: " + deck);
        assertEquals("broken", deck.get(0), "at gold rate 1 the first card is the gold one: " + deck);
        assertEquals(12, deck.size(), "11 open images and the gold card");
        assertTrue(scored.get("/v1/items/cat-great/stats").getAsJsonObject("binary").get("retired").getAsBoolean());

        scored.patch("{\"deck.order\": \"least-judged\"}", 200);
        assertTrue(scored.deckIds("newcomer", "binary", 50).contains("cat-great"), "least-judged decks retire nothing");
    }

    @Test
    void pairDecksPairImagesOfOnePromptGroupFirstAndShowEveryImageOnce() {
        JsonArray cards = scored.deck("someone", "pair", 6);
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
}
