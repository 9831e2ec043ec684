package dev.swipeloop.host.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A host with one app whose images come from three models ("great", "good", "poor") in four
 * prompt groups (cat, dog, fox, owl: id {@code cat-great} and so on) plus a gold honeypot
 * ({@code broken}), and the calls the ranking and rater-quality tests make against it. Scores
 * are refreshed every 100 ms, so decks and {@code /health} follow the votes quickly.
 */
public final class ScoredApp implements AutoCloseable {
    private final TestHost host;
    private final TestHost.TestApp app;

    private ScoredApp(TestHost host, TestHost.TestApp app) {
        this.host = host;
        this.app = app;
    }

    public static ScoredApp start(Path dir) {
        return start(dir, Map.of());
    }

    /** @param settings host settings besides the 100 ms score refresh */
    public static ScoredApp start(Path dir, Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("scores.refreshMillis", "100");
        TestHost host = TestHost.start(dir, all);
        TestHost.TestApp app = host.createApp("memes");
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
        return new ScoredApp(host, app);
    }

    /** The same data and plugins again, as after a restart of the host; {@code app} made by {@link #start}. */
    public static ScoredApp restart(Path dir, TestHost.TestApp app) {
        return new ScoredApp(TestHost.start(dir, Map.of("scores.refreshMillis", "100",
                "pluginsDir", dir.resolve("plugins").toString())), app);
    }

    public TestHost host() {
        return host;
    }

    public TestHost.TestApp app() {
        return app;
    }

    @Override
    public void close() {
        host.close();
    }

    /** The twelve regular images, four prompt groups of one image per model. */
    public static List<String> allImages() {
        List<String> items = new ArrayList<>();
        for (String group : List.of("cat", "dog", "fox", "owl")) {
            for (String model : List.of("great", "good", "poor")) {
                items.add(group + "-" + model);
            }
        }
        return items;
    }

    public static String binary(String rater, String item, String verdict, int dwellMs) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"" + rater + "\",\"kind\":\"binary\",\"item\":\"" + item
                + "\",\"verdict\":\"" + verdict + "\",\"dwellMs\":" + dwellMs + "}";
    }

    public static String pair(String rater, String left, String right, String choice, int dwellMs) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"" + rater + "\",\"kind\":\"pair\",\"left\":\"" + left
                + "\",\"right\":\"" + right + "\",\"choice\":\"" + choice + "\",\"dwellMs\":" + dwellMs + "}";
    }

    /** Sends in batches of 100 (the host takes several raters in one batch) and checks each was accepted. */
    public void send(List<String> votes) {
        for (int from = 0; from < votes.size(); from += 100) {
            String body = "{\"votes\":[" + String.join(",", votes.subList(from, Math.min(votes.size(), from + 100))) + "]}";
            HttpResponse<String> res = host.http().post("/v1/votes", app.publishableKey(), TestHost.ORIGIN, body);
            assertEquals(202, res.statusCode(), res.body());
        }
    }

    public JsonObject get(String path) {
        HttpResponse<String> res = host.http().get(path, app.secretKey());
        assertEquals(200, res.statusCode(), path + ": " + res.body());
        return JsonParser.parseString(res.body()).getAsJsonObject();
    }

    public HttpResponse<String> patch(String json, int status) {
        HttpResponse<String> res = host.http().send(host.http().request("/v1/settings", app.secretKey())
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(status, res.statusCode(), res.body());
        return res;
    }

    public JsonArray deck(String rater, String mode, int limit) {
        HttpResponse<String> res = host.http().send(host.http().request("/v1/deck?rater=" + rater + "&mode=" + mode
                + "&limit=" + limit, app.publishableKey()).header("Origin", TestHost.ORIGIN).GET());
        assertEquals(200, res.statusCode(), res.body());
        return JsonParser.parseString(res.body()).getAsJsonObject().getAsJsonArray("cards");
    }

    public List<String> deckIds(String rater, String mode, int limit) {
        List<String> ids = new ArrayList<>();
        deck(rater, mode, limit).forEach(card -> ids.add(card.getAsJsonObject().getAsJsonObject("item").get("id")
                .getAsString()));
        return ids;
    }

    /** Decks and /health read boards the background refresh keeps (every 100 ms here); give it two rounds. */
    public static void waitForBoards() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static JsonObject setting(JsonObject settings, String name) {
        for (JsonElement e : settings.getAsJsonArray("settings")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(name + " is not listed: " + settings);
    }

    public static List<String> ids(JsonArray rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getAsJsonObject().get("id").getAsString()));
        return ids;
    }
}
