package dev.swipeloop.host.ranking;

import static dev.swipeloop.host.testing.ScoredApp.allImages;
import static dev.swipeloop.host.testing.ScoredApp.binary;
import static dev.swipeloop.host.testing.ScoredApp.pair;
import static dev.swipeloop.host.testing.ScoredApp.setting;
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
 * Rater quality and per-app settings through the real host: flags with reasons, exports that
 * keep or leave out flagged raters, the flag-rate alarm in /health, erasure, and settings that
 * change what the host computes.
 */
class RaterQualityApiIT {
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
    void aFastBotIsFlaggedWithItsReasonAndExportsCanLeaveItsVotesOut() {
        List<String> votes = new ArrayList<>();
        int i = 0;
        for (String item : allImages()) {
            votes.add(binary("bot", item, "like", 120));
            votes.add(binary("human", item, i++ % 3 == 0 ? "dislike" : "like", 2400));
        }
        scored.send(votes);

        JsonObject bot = scored.get("/v1/raters/bot/quality");
        assertTrue(bot.get("flagged").getAsBoolean(), bot.toString());
        JsonObject flag = bot.getAsJsonArray("flags").get(0).getAsJsonObject();
        assertEquals("too-fast", flag.get("code").getAsString());
        assertTrue(flag.get("reason").getAsString().contains("under 400 ms"), flag.toString());
        assertEquals(12, bot.getAsJsonObject("votes").getAsJsonObject("binary").get("likes").getAsInt());
        JsonObject human = scored.get("/v1/raters/human/quality");
        assertFalse(human.get("flagged").getAsBoolean(), human.toString());
        assertEquals("dawid-skene", human.getAsJsonObject("weight").get("method").getAsString());
        assertEquals(404, scored.host().http().get("/v1/raters/nobody/quality", scored.app().secretKey()).statusCode());

        JsonObject quality = scored.get("/v1/quality");
        assertEquals(2, quality.get("raters").getAsInt());
        assertEquals(1, quality.get("flaggedRaters").getAsInt());

        String all = scored.host().http().get("/v1/exports/jsonl", scored.app().secretKey()).body();
        assertEquals(24, all.lines().count(), "flagged votes are kept by default");
        assertTrue(all.lines().anyMatch(line -> line.contains("\"raterFlags\":[\"too-fast\"]")), all);
        HttpResponse<String> kept = scored.host().http().get("/v1/exports/jsonl?excludeFlagged=true", scored.app().secretKey());
        assertEquals(200, kept.statusCode(), kept.body());
        assertEquals(12, kept.body().lines().count(), "only the human's votes");
        assertFalse(kept.body().contains("too-fast"));
    }

    @Test
    void aJumpInTheFlagRateRaisesAnAlarmInHealth() {
        scored.patch("{\"quality.alarm.windowVotes\": 10}", 200);
        List<String> votes = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            votes.add(binary("honest" + i, allImages().get(i % 12), i % 2 == 0 ? "like" : "dislike", 2000));
        }
        scored.send(votes);
        waitForBoards();
        JsonObject health = JsonParser.parseString(scored.host().http().get("/health", null).body()).getAsJsonObject();
        assertEquals(0, health.getAsJsonObject("quality").getAsJsonArray("alarms").size(), health.toString());

        List<String> burst = new ArrayList<>();
        for (String item : allImages().subList(0, 10)) {
            burst.add(binary("clicker", item, "like", 90));
        }
        scored.send(burst);
        JsonArray alarms = scored.get("/v1/quality").getAsJsonArray("alarms");
        assertEquals(1, alarms.size(), alarms.toString());
        assertEquals("too-fast", alarms.get(0).getAsJsonObject().get("rule").getAsString());
        waitForBoards();
        JsonArray inHealth = JsonParser.parseString(scored.host().http().get("/health", null).body()).getAsJsonObject()
                .getAsJsonObject("quality").getAsJsonArray("alarms");
        assertEquals(1, inHealth.size(), inHealth.toString());
        assertEquals(scored.app().id(), inHealth.get(0).getAsJsonObject().get("app").getAsString());
    }

    @Test
    void erasingARaterTakesTheirVotesOutOfTheScores() {
        scored.send(List.of(binary("keep", "cat-great", "like", 1500), binary("erase", "cat-great", "dislike", 1500),
                binary("erase", "cat-poor", "dislike", 1500), pair("keep", "dog-great", "dog-poor", "left", 1500),
                pair("erase", "dog-poor", "dog-great", "left", 1500), pair("erase", "fox-poor", "fox-great", "left", 1500)));
        assertEquals(1, scored.get("/v1/items/cat-great/stats").getAsJsonObject("binary").get("dislikes").getAsInt());
        JsonObject before = scored.get("/v1/rankings?of=models&method=bt").getAsJsonArray("rankings").get(0).getAsJsonObject();
        assertEquals("poor", before.get("id").getAsString(), "the erased rater's two wins put poor first: " + before);
        HttpResponse<String> deleted = scored.host().http().send(scored.host().http().request("/v1/raters/erase", scored.app().secretKey()).DELETE());
        assertEquals(204, deleted.statusCode());
        JsonObject stats = scored.get("/v1/items/cat-great/stats");
        assertEquals(0, stats.getAsJsonObject("binary").get("dislikes").getAsInt(), stats.toString());
        assertEquals(1, stats.getAsJsonObject("binary").get("likes").getAsInt());
        assertEquals(404, scored.host().http().get("/v1/raters/erase/quality", scored.app().secretKey()).statusCode());
        JsonObject after = scored.get("/v1/rankings?of=models&method=bt");
        assertEquals("great", after.getAsJsonArray("rankings").get(0).getAsJsonObject().get("id").getAsString(),
                "the cached fit with the erased votes is not served again: " + after);
        assertEquals(1, after.getAsJsonArray("rankings").get(0).getAsJsonObject().getAsJsonObject("votes")
                .get("wins").getAsInt());
    }

    // ---- settings ----------------------------------------------------------------------------

    @Test
    void settingsAreListedChangedAsAWholeAndBadOnesChangeNothing() {
        JsonObject listed = scored.get("/v1/settings");
        JsonObject z = setting(listed, "ranking.z");
        assertEquals(1.96, z.get("value").getAsDouble());
        assertEquals(1.96, z.get("default").getAsDouble());
        assertFalse(z.get("changed").getAsBoolean());
        assertFalse(z.get("doc").getAsString().isEmpty());

        HttpResponse<String> bad = scored.patch("{\"ranking.z\": \"wide\", \"quality.fast.k\": 50, \"nope\": 1,"
                + " \"deck.retire.votes\": 5}", 400);
        Set<String> fields = new HashSet<>();
        JsonParser.parseString(bad.body()).getAsJsonObject().getAsJsonArray("errors")
                .forEach(e -> fields.add(e.getAsJsonObject().get("field").getAsString()));
        assertEquals(Set.of("ranking.z", "quality.fast.k", "nope"), fields, bad.body());
        assertEquals(200, setting(scored.get("/v1/settings"), "deck.retire.votes").get("value").getAsInt(),
                "a rejected change changes nothing, not even its good keys");

        JsonObject changed = JsonParser.parseString(scored.patch("{\"ranking.z\": 2.576, \"deck.order\": \"least-judged\"}", 200)
                .body()).getAsJsonObject();
        assertEquals(2.576, setting(changed, "ranking.z").get("value").getAsDouble());
        assertTrue(setting(changed, "ranking.z").get("changed").getAsBoolean());
        assertEquals(2.576, scored.get("/v1/rankings").getAsJsonObject("parameters").get("z").getAsDouble(),
                "rankings use the app's z at once");
        scored.patch("{\"ranking.z\": null}", 200);
        assertEquals(1.96, setting(scored.get("/v1/settings"), "ranking.z").get("value").getAsDouble(), "null is the default");
        assertEquals("least-judged", setting(scored.get("/v1/settings"), "deck.order").get("value").getAsString(),
                "keys not named stay");
    }

    @Test
    void aSpeedRuleLoosenedInSettingsClearsTheFlagOnTheNextRead() {
        List<String> votes = new ArrayList<>();
        for (String item : allImages()) {
            votes.add(binary("quick", item, "like", 300));
        }
        scored.send(votes);
        assertTrue(scored.get("/v1/raters/quick/quality").get("flagged").getAsBoolean());
        scored.patch("{\"quality.fast.dwellMs\": 250}", 200);
        JsonObject after = scored.get("/v1/raters/quick/quality");
        assertFalse(after.get("flagged").getAsBoolean(), after.toString());
    }
}
