package dev.swipeloop.host.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A small, known app for export tests, sent through the real API: eight items in four prompt
 * groups from two models, binary and pair votes by three raters, so every filter and label has
 * something to keep and something to leave out.
 */
public final class ExportScenario {
    public static final int BINARY_VOTES = 9;
    public static final int PAIR_VOTES = 5;

    private final TestHost host;
    private final TestHost.TestApp app;

    private ExportScenario(TestHost host, TestHost.TestApp app) {
        this.host = host;
        this.app = app;
    }

    /** Creates the app and its items; votes come with {@link #castVotes()}. */
    public static ExportScenario create(TestHost host) {
        TestHost.TestApp app = host.createApp("exports");
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 8; i++) {
            int group = i / 2;
            items.append(i == 0 ? "" : ",").append("{\"id\":\"img").append(i)
                    .append("\",\"imageUrl\":\"https://img.example/").append(i).append(".png\",\"prompt\":\"prompt ")
                    .append(group).append(", \\\"quoted\\\"\",\"group\":\"g").append(group).append("\",\"model\":\"")
                    .append(i % 2 == 0 ? "sdxl" : "flux").append("\",\"seed\":").append(100 + i)
                    .append(",\"params\":{\"steps\":").append(20 + i).append("}}");
        }
        items.append("]}");
        assertEquals(200, host.http().post("/v1/items", app.secretKey(), null, items.toString()).statusCode());
        return new ExportScenario(host, app);
    }

    public TestHost.TestApp app() {
        return app;
    }

    /**
     * Casts {@value #BINARY_VOTES} binary votes (5 like, 3 dislike, 1 skip) and {@value #PAIR_VOTES}
     * pair votes (2 left, 1 right, 1 tie, 1 skip) in one batch.
     */
    public void castVotes() {
        List<String> votes = new ArrayList<>();
        String[][] binary = {{"ann", "img0", "like"}, {"ann", "img1", "dislike"}, {"bob", "img0", "like"},
            {"bob", "img2", "like"}, {"bob", "img3", "dislike"}, {"cy", "img4", "like"}, {"cy", "img5", "dislike"},
            {"cy", "img6", "skip"}, {"ann", "img7", "like"}};
        for (String[] vote : binary) {
            votes.add(binary(vote[0], vote[1], vote[2]));
        }
        String[][] pairs = {{"ann", "img0", "img1", "left"}, {"bob", "img2", "img3", "left"},
            {"cy", "img4", "img5", "right"}, {"ann", "img6", "img7", "tie"}, {"bob", "img6", "img7", "skip"}};
        for (String[] vote : pairs) {
            votes.add(pair(vote[0], vote[1], vote[2], vote[3]));
        }
        send(votes);
    }

    /** Sends the votes in one batch and checks they were all accepted. */
    public void send(List<String> votes) {
        send(host, app, votes);
    }

    /** Sends votes for {@code app} in one batch and checks they were all accepted. */
    public static void send(TestHost host, TestHost.TestApp app, List<String> votes) {
        var response = host.http().post("/v1/votes", app.publishableKey(), TestHost.ORIGIN,
                "{\"votes\":[" + String.join(",", votes) + "]}");
        assertEquals(202, response.statusCode(), response.body());
    }

    public static String binary(String rater, String item, String verdict) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"" + rater + "\",\"session\":\"s-" + rater
                + "\",\"kind\":\"binary\",\"item\":\"" + item + "\",\"verdict\":\"" + verdict
                + "\",\"dwellMs\":640,\"clientTs\":\"2026-05-01T12:00:00Z\"}";
    }

    public static String pair(String rater, String left, String right, String choice) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"" + rater + "\",\"kind\":\"pair\",\"left\":\"" + left
                + "\",\"right\":\"" + right + "\",\"choice\":\"" + choice + "\",\"dwellMs\":900}";
    }
}
