package dev.swipeloop.host.hosts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.HostProcess;
import dev.swipeloop.host.testing.Http;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.sdk.storage.UuidV7;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test: two host processes of the built distribution on one PostgreSQL database, behind no
 * load balancer but a client that sends each batch to either host, retries, and sends the same
 * batch to both. Both hosts end with the exact counts, answer every export byte for byte
 * alike, forget an erased rater, pay each vote once, and share background exports.
 */
class TwoHostsIT {
    private static final int RATERS = 4;
    private static final int BATCHES_PER_RATER = 16;
    private static final int VOTES_PER_BATCH = 10;
    private static final int ITEMS = 20;
    private static final String PSEUDONYM_KEY = "5e".repeat(32);

    @TempDir
    Path dir;

    private SharedDatabase database;
    private final List<HostProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(HostProcess::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoHostsOnOneDatabaseAgreeOnEveryCountExportErasureAndPayment() throws Exception {
        database = new SharedDatabase();
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        JsonObject keys = createApp(plugins);
        String pk = keys.get("publishableKey").getAsString();
        String sk = keys.get("secretKey").getAsString();
        Http a = start("host-a", plugins);
        Http b = start("host-b", plugins);

        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":\"item-").append(i)
                    .append("\",\"imageUrl\":\"https://img.example/").append(i).append(".png\",\"model\":\"m")
                    .append(i % 3).append("\"}");
        }
        assertEquals(200, a.post("/v1/items", sk, null, items.append("]}").toString()).statusCode());
        HttpResponse<String> rewardsOn = patch(b, sk, "{\"rewards.policies\":\"points\",\"rewards.anonymous\":true,"
                + "\"reward.points.dailyCap\":1000000,\"reward.points.streakBonus\":0}");
        assertEquals(200, rewardsOn.statusCode(), rewardsOn.body());
        Thread.sleep(2_500); // the other host's settings cache (2 s) sees rewards on

        await(() -> live(a).size() == 2 && live(b).size() == 2, "both hosts see two live hosts");
        assertEquals(List.of("host-a", "host-b"), live(a));
        assertTrue(json(a.get("/health", null)).getAsJsonObject("hosts").get("pseudonymKeysAgree").getAsBoolean(),
                "both export with the one pseudonym key they were given");

        Map<String, List<String>> votesByRater = sendVotes(pk, List.of(a, b));
        Set<String> sent = new HashSet<>();
        votesByRater.values().forEach(sent::addAll);
        for (Http host : List.of(a, b)) {
            assertEquals(sent.size(), stats(host, sk).get("votes").getAsLong(), "votes counted on " + host.base());
            Map<String, Integer> listed = listedVotes(host, sk);
            assertEquals(sent, listed.keySet(), "the votes cursor of " + host.base());
            assertEquals(List.of(), listed.entrySet().stream().filter(e -> e.getValue() > 1).toList(), "stored once");
        }

        String erased = "rater-0";
        assertEquals(200, a.get("/v1/raters/" + erased + "/quality", sk).statusCode());
        assertEquals(200, b.get("/v1/raters/" + erased + "/quality", sk).statusCode());
        assertEquals(204, a.send(a.request("/v1/raters/" + erased, sk).DELETE()).statusCode());
        long left = sent.size() - votesByRater.get(erased).size();
        for (Http host : List.of(a, b)) {
            await(() -> host.get("/v1/raters/" + erased + "/quality", sk).statusCode() == 404,
                    "the erased rater gone from the quality pages of " + host.base());
            await(() -> judgedInItemStats(host, sk) == left, "the erased rater's votes gone from the item scores of "
                    + host.base());
            assertEquals(left, stats(host, sk).get("votes").getAsLong());
            assertEquals(0, ledger(host, sk, erased).size(), "the erased rater's ledger");
        }

        for (int r = 1; r < RATERS; r++) {
            String rater = "rater-" + r;
            List<String> paidVotes = new ArrayList<>();
            ledger(a, sk, rater).forEach(entry -> paidVotes.add(entry.getAsJsonObject().get("voteId").getAsString()));
            assertEquals(new HashSet<>(votesByRater.get(rater)), new HashSet<>(paidVotes), rater + "'s paid votes");
            assertEquals(votesByRater.get(rater).size(), paidVotes.size(), rater + ": each vote paid once");
            assertEquals(paidVotes.size(), points(a, pk, rater), rater + "'s progress through host-a");
            assertEquals(paidVotes.size(), points(b, pk, rater), rater + "'s progress through host-b");
        }

        String filters = "/v1/exports/jsonl?excludeFlagged=false&splits=train:0.8,test:0.2";
        byte[] fromA = bytes(a, sk, filters);
        byte[] fromB = bytes(b, sk, filters);
        assertTrue(fromA.length > 1000, "an export with rows");
        assertArrayEquals(fromA, fromB, "the same export from either host");

        HttpResponse<String> submitted = a.post("/v1/exports", sk, null,
                "{\"format\":\"jsonl\",\"options\":{\"excludeFlagged\":\"false\",\"splits\":\"train:0.8,test:0.2\"}}");
        assertEquals(202, submitted.statusCode(), submitted.body());
        String job = "/v1/exports/jobs/" + JsonParser.parseString(submitted.body()).getAsJsonObject().get("id").getAsString();
        await(() -> "done".equals(json(b.get(job, sk)).get("state").getAsString()), "host-b sees host-a's job done");
        assertArrayEquals(fromA, bytes(b, sk, job + "/download"), "host-a's background export downloaded from host-b");
        assertTrue(json(b.get("/v1/exports/jobs", sk)).getAsJsonArray("jobs").size() >= 3, "both hosts' exports listed");
    }

    /** Every rater sends its batches to either host, some retried, some sent to both: all must be accepted. */
    private static Map<String, List<String>> sendVotes(String pk, List<Http> hosts) throws Exception {
        Map<String, List<String>> byRater = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(RATERS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int r = 0; r < RATERS; r++) {
                String rater = "rater-" + r;
                clients.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int batch = 0; batch < BATCHES_PER_RATER; batch++) {
                        String body = batch(rater, ids);
                        Http first = hosts.get(ThreadLocalRandom.current().nextInt(2));
                        accepted(first.post("/v1/votes", pk, TestHost.ORIGIN, body));
                        switch (batch % 3) {
                            case 0 -> accepted(hosts.get(0) == first ? hosts.get(1).post("/v1/votes", pk, TestHost.ORIGIN,
                                    body) : hosts.get(0).post("/v1/votes", pk, TestHost.ORIGIN, body));
                            case 1 -> accepted(first.post("/v1/votes", pk, TestHost.ORIGIN, body));
                            default -> { }
                        }
                    }
                    byRater.put(rater, ids);
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
        return byRater;
    }

    private static void accepted(HttpResponse<String> response) {
        assertEquals(202, response.statusCode(), response.body());
    }

    private static String batch(String rater, List<String> ids) {
        StringBuilder sb = new StringBuilder("{\"votes\":[");
        for (int v = 0; v < VOTES_PER_BATCH; v++) {
            String id = UuidV7.next().toString();
            ids.add(id);
            sb.append(v == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"rater\":\"").append(rater)
                    .append("\",\"kind\":\"binary\",\"item\":\"item-").append(ThreadLocalRandom.current().nextInt(ITEMS))
                    .append("\",\"verdict\":\"").append(v % 3 == 0 ? "dislike" : "like").append("\",\"dwellMs\":")
                    .append(1500 + v).append("}");
        }
        return sb.append("]}").toString();
    }

    private JsonObject createApp(Path plugins) {
        List<String> command = new ArrayList<>(List.of("apps", "create", "--name", "two-hosts", "--origin",
                TestHost.ORIGIN, "--data", dir.resolve("data-cli").toString(), "--plugins-dir", plugins.toString()));
        command.addAll(database.flags());
        HostProcess create = HostProcess.launch(dir.resolve("logs"), command);
        assertEquals(0, create.waitFor(Duration.ofSeconds(60)), create.stderr());
        return JsonParser.parseString(create.stdout()).getAsJsonObject();
    }

    private Http start(String hostId, Path plugins) {
        List<String> command = new ArrayList<>(List.of("serve", "--port", "0", "--bind", "127.0.0.1",
                "--host.id", hostId, "--data", dir.resolve("data-" + hostId).toString(),
                "--plugins-dir", plugins.toString(), "--exports.dir", dir.resolve("shared-exports").toString(),
                "--export.pseudonym-key", PSEUDONYM_KEY, "--scores.refresh-millis", "200",
                "--limits.address-requests-per-second", "100000", "--limits.address-burst", "100000",
                "--limits.key-requests-per-second", "100000", "--limits.key-burst", "100000"));
        command.addAll(database.flags());
        HostProcess process = HostProcess.launch(dir.resolve("logs-" + hostId), command);
        processes.add(process);
        return new Http("http://127.0.0.1:" + process.awaitReady(Duration.ofSeconds(60)));
    }

    private static List<String> live(Http host) {
        List<String> ids = new ArrayList<>();
        json(host.get("/health", null)).getAsJsonObject("hosts").getAsJsonArray("live")
                .forEach(id -> ids.add(id.getAsString()));
        return ids;
    }

    private static JsonObject stats(Http host, String sk) {
        return json(host.get("/v1/stats", sk));
    }

    private static HttpResponse<String> patch(Http host, String sk, String body) {
        return host.send(host.request("/v1/settings", sk).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Every vote id the votes cursor lists, with how often. */
    private static Map<String, Integer> listedVotes(Http host, String sk) {
        Map<String, Integer> counts = new HashMap<>();
        long after = 0;
        while (true) {
            JsonObject page = json(host.get("/v1/votes?after=" + after + "&limit=500", sk));
            for (JsonElement vote : page.getAsJsonArray("votes")) {
                counts.merge(vote.getAsJsonObject().get("id").getAsString(), 1, Integer::sum);
            }
            if (page.get("next").isJsonNull()) {
                return counts;
            }
            after = page.get("next").getAsLong();
        }
    }

    /** The votes the host's scores count, summed over the items' like, dislike and skip tallies. */
    private static long judgedInItemStats(Http host, String sk) {
        long judged = 0;
        for (int i = 0; i < ITEMS; i++) {
            JsonObject binary = json(host.get("/v1/items/item-" + i + "/stats", sk)).getAsJsonObject("binary");
            judged += binary.get("likes").getAsLong() + binary.get("dislikes").getAsLong() + binary.get("skips").getAsLong();
        }
        return judged;
    }

    private static JsonArray ledger(Http host, String sk, String rater) {
        return json(host.get("/v1/raters/" + rater + "/ledger?limit=1000", sk)).getAsJsonArray("entries");
    }

    private static long points(Http host, String pk, String rater) {
        HttpResponse<String> res = host.send(host.request("/v1/raters/" + rater + "/progress", pk)
                .header("Origin", TestHost.ORIGIN).GET());
        assertEquals(200, res.statusCode(), res.body());
        return json(res).get("points").getAsLong();
    }

    private static byte[] bytes(Http host, String sk, String path) {
        HttpResponse<byte[]> res = host.sendForBytes(host.request(path, sk).GET());
        assertEquals(200, res.statusCode(), new String(res.body(), java.nio.charset.StandardCharsets.UTF_8));
        return res.body();
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - deadline < 0, "timed out waiting until " + what);
            Thread.sleep(100);
        }
    }
}
