package dev.swipeloop.host.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Duck;
import dev.swipeloop.host.testing.ExportScenario;
import dev.swipeloop.host.testing.TestHost;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/exports/{format}} against a real host with the bundled format plugins: what a
 * pipeline downloads, read back with DuckDB, and the manifest it can fetch afterwards.
 */
class StreamedExportIT {
    @TempDir
    Path dir;
    TestHost host;
    ExportScenario scenario;

    @BeforeEach
    void start() {
        host = TestHost.start(dir);
        scenario = ExportScenario.create(host);
        scenario.castVotes();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private HttpResponse<byte[]> export(String pathAndQuery) {
        return host.http().sendForBytes(host.http().request(pathAndQuery, scenario.app().secretKey()).GET());
    }

    private Path save(HttpResponse<byte[]> response, String name) throws Exception {
        assertEquals(200, response.statusCode(), new String(response.body()));
        Path file = dir.resolve(name);
        Files.write(file, response.body());
        return file;
    }

    private JsonObject manifestOf(HttpResponse<byte[]> response) {
        String link = response.headers().firstValue("Link").orElseThrow();
        String path = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        HttpResponse<String> job = host.http().get(path, scenario.app().secretKey());
        assertEquals(200, job.statusCode(), job.body());
        JsonObject body = JsonParser.parseString(job.body()).getAsJsonObject();
        assertEquals("done", body.get("state").getAsString());
        assertTrue(body.get("streamed").getAsBoolean());
        return body.getAsJsonObject("manifest");
    }

    @Test
    void theFormatsAndTheirOptionsAreListed() {
        HttpResponse<String> response = host.http().get("/v1/exports", scenario.app().secretKey());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        Set<String> ids = new HashSet<>();
        body.getAsJsonArray("formats").forEach(f -> ids.add(f.getAsJsonObject().get("id").getAsString()));
        assertTrue(ids.containsAll(Set.of("jsonl", "csv", "trl-preference", "trl-unpaired", "imagefolder")), ids.toString());
        Set<String> common = new HashSet<>();
        body.getAsJsonArray("commonOptions").forEach(o -> common.add(o.getAsJsonObject().get("name").getAsString()));
        assertTrue(common.containsAll(Set.of("since", "minVotes", "splits", "cursor", "derivedPairs")), common.toString());
    }

    @Test
    void jsonlHoldsEveryVoteWithItsItemsAndPseudonymousRaters() throws Exception {
        HttpResponse<byte[]> response = export("/v1/exports/jsonl");
        Path file = save(response, "all.jsonl");
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains(".jsonl"));
        String source = "read_json(" + Duck.quote(file) + ", format='newline_delimited')";
        List<Map<String, Object>> rows = Duck.rows("SELECT kind, verdict, choice, rater, item.prompt AS prompt,"
                + " item.model AS model, \"left\".id AS left_id FROM " + source + " ORDER BY seq");
        assertEquals(ExportScenario.BINARY_VOTES + ExportScenario.PAIR_VOTES, rows.size());
        assertEquals("binary", rows.get(0).get("kind"));
        assertEquals("like", rows.get(0).get("verdict"));
        assertEquals("prompt 0, \"quoted\"", rows.get(0).get("prompt"));
        assertEquals("sdxl", rows.get(0).get("model"));
        assertEquals("img0", rows.get(ExportScenario.BINARY_VOTES).get("left_id"));
        Set<Object> raters = rows.stream().map(r -> r.get("rater")).collect(Collectors.toSet());
        assertEquals(3, raters.size());
        for (Object rater : raters) {
            assertTrue(((String) rater).matches("r_[0-9a-f]{16}"), "a pseudonym, not the app's id: " + rater);
        }

        JsonObject manifest = manifestOf(response);
        assertEquals("jsonl", manifest.get("format").getAsString());
        assertEquals(ExportScenario.BINARY_VOTES + ExportScenario.PAIR_VOTES, manifest.get("rows").getAsLong());
        assertEquals(5, manifest.getAsJsonObject("labels").get("like").getAsLong());
        assertEquals(3, manifest.getAsJsonObject("balance").get("dislike").getAsLong());
        JsonObject fileEntry = manifest.getAsJsonArray("files").get(0).getAsJsonObject();
        assertEquals(Files.size(file), fileEntry.get("bytes").getAsLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))),
                fileEntry.get("sha256").getAsString());
    }

    @Test
    void theSameRaterHasTheSamePseudonymInEveryExportAndFormat() throws Exception {
        Path jsonl = save(export("/v1/exports/jsonl"), "a.jsonl");
        Path csv = save(export("/v1/exports/csv"), "a.csv");
        List<Map<String, Object>> fromJsonl = Duck.rows("SELECT seq, rater FROM read_json(" + Duck.quote(jsonl)
                + ", format='newline_delimited') ORDER BY seq");
        List<Map<String, Object>> fromCsv = Duck.rows("SELECT seq, rater FROM read_csv(" + Duck.quote(csv) + ") ORDER BY seq");
        assertEquals(fromJsonl, fromCsv);
    }

    @Test
    void trlFormatsTakeOnlyTheVotesTheyCanExpress() throws Exception {
        HttpResponse<byte[]> preference = export("/v1/exports/trl-preference");
        List<Map<String, Object>> pairs = Duck.rows("SELECT prompt, chosen, rejected FROM read_json("
                + Duck.quote(save(preference, "p.jsonl")) + ", format='newline_delimited')");
        assertEquals(3, pairs.size(), "left, left, right; the tie and the skip are left out");
        assertEquals("https://img.example/0.png", pairs.get(0).get("chosen"));
        assertEquals("https://img.example/1.png", pairs.get(0).get("rejected"));
        assertEquals("https://img.example/5.png", pairs.get(2).get("chosen"), "right won");
        JsonObject manifest = manifestOf(preference);
        assertEquals(1, manifest.getAsJsonObject("skipped").get("tie").getAsLong());
        assertEquals(1, manifest.getAsJsonObject("skipped").get("skip").getAsLong());

        List<Map<String, Object>> unpaired = Duck.rows("SELECT label FROM read_json("
                + Duck.quote(save(export("/v1/exports/trl-unpaired"), "u.jsonl")) + ", format='newline_delimited')");
        assertEquals(8, unpaired.size(), "5 likes and 3 dislikes; the skip is left out");
        assertEquals(5, unpaired.stream().filter(r -> Boolean.TRUE.equals(r.get("label"))).count());
    }

    @Test
    void pathOnlyImageUrlsAreMadeAbsolute() throws Exception {
        assertEquals(200, host.http().post("/v1/items", scenario.app().secretKey(), null,
                "{\"items\":[{\"id\":\"img0\",\"imageUrl\":\"/media/" + "a".repeat(64) + "\",\"prompt\":\"p\","
                        + "\"group\":\"g0\"}]}").statusCode());
        List<Map<String, Object>> rows = Duck.rows("SELECT completion FROM read_json("
                + Duck.quote(save(export("/v1/exports/trl-unpaired"), "abs.jsonl")) + ", format='newline_delimited')"
                + " WHERE completion LIKE '%/media/%'");
        assertEquals(2, rows.size(), "ann's and bob's likes of img0");
        assertEquals(host.url() + "/media/" + "a".repeat(64), rows.get(0).get("completion"),
                "a pipeline cannot fetch a path without the host");
    }

    @Test
    void filtersNarrowTheRows() throws Exception {
        int sdxl = Duck.rows("SELECT * FROM read_json(" + Duck.quote(save(export("/v1/exports/jsonl?model=sdxl"),
                "m.jsonl")) + ", format='newline_delimited')").size();
        assertEquals(5 + 5, sdxl, "binary votes on img0, img0, img2, img4, img6; every pair has an sdxl image");

        JsonObject later = manifestOf(export("/v1/exports/jsonl?since=2999-01-01T00:00:00Z"));
        assertEquals(0, later.get("rows").getAsLong());
        assertEquals(14, later.getAsJsonObject("excluded").get("before since").getAsLong());

        List<Map<String, Object>> judged = Duck.rows("SELECT coalesce(item.id, \"left\".id || '+' || \"right\".id) AS id"
                + " FROM read_json(" + Duck.quote(save(export("/v1/exports/jsonl?minVotes=3"), "v.jsonl"))
                + ", format='newline_delimited') ORDER BY seq");
        assertEquals(List.of("img0", "img0", "img6", "img7", "img6+img7", "img6+img7"),
                judged.stream().map(r -> r.get("id")).toList(),
                "img0, img6 and img7 have 3 votes each (skips count); the others 2");
    }

    @Test
    void splitsKeepEachPromptGroupInOneSplit() throws Exception {
        Path file = save(export("/v1/exports/jsonl?splits=train:0.5,test:0.5"), "s.jsonl");
        List<Map<String, Object>> groups = Duck.rows("SELECT coalesce(item.\"group\", \"left\".\"group\") AS g,"
                + " count(DISTINCT split) AS splits FROM read_json(" + Duck.quote(file) + ", format='newline_delimited')"
                + " GROUP BY g");
        assertEquals(4, groups.size());
        for (Map<String, Object> group : groups) {
            assertEquals(1L, ((Number) group.get("splits")).longValue(), "group " + group.get("g") + " is in one split");
        }
    }

    @Test
    void oneSplitCanBeWrittenAlone() throws Exception {
        String splits = "splits=train:0.5,test:0.5";
        Path all = save(export("/v1/exports/jsonl?" + splits), "all.jsonl");
        long inTest = Duck.rows("SELECT * FROM read_json(" + Duck.quote(all) + ", format='newline_delimited')"
                + " WHERE split = 'test'").size();
        HttpResponse<byte[]> response = export("/v1/exports/jsonl?" + splits + "&split=test");
        List<Map<String, Object>> rows = Duck.rows("SELECT DISTINCT split FROM read_json("
                + Duck.quote(save(response, "test.jsonl")) + ", format='newline_delimited')");
        JsonObject manifest = manifestOf(response);
        assertEquals(inTest, manifest.get("rows").getAsLong());
        assertEquals(14 - inTest, manifest.getAsJsonObject("excluded").get("other split").getAsLong());
        assertTrue(inTest > 0 && inTest < 14, "the scenario's four groups fall in both splits: " + inTest);
        assertEquals(List.of(Map.of("split", "test")), rows);
        HttpResponse<String> unknown = host.http().get("/v1/exports/jsonl?" + splits + "&split=validation",
                scenario.app().secretKey());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("\"split\"") && unknown.body().contains("train, test"), unknown.body());
    }

    @Test
    void derivedPairsComeFromOneRatersLikeAndDislikeInAGroup() throws Exception {
        HttpResponse<byte[]> response = export("/v1/exports/trl-preference?derivedPairs=true");
        List<Map<String, Object>> rows = Duck.rows("SELECT chosen, rejected FROM read_json("
                + Duck.quote(save(response, "d.jsonl")) + ", format='newline_delimited')");
        assertEquals(3 + 3, rows.size(), "3 real pairs and 3 derived: ann g0, bob g1, cy g2");
        assertTrue(rows.contains(Map.of("chosen", "https://img.example/2.png", "rejected", "https://img.example/3.png")));
    }

    @Test
    void badOptionsAreAllNamedAndUnknownFormatsAreNotFound() {
        HttpResponse<String> bad = host.http().get("/v1/exports/jsonl?minVotes=-1&colour=red&since=yesterday",
                scenario.app().secretKey());
        assertEquals(400, bad.statusCode());
        JsonArray errors = JsonParser.parseString(bad.body()).getAsJsonObject().getAsJsonArray("errors");
        Set<String> fields = new HashSet<>();
        for (JsonElement error : errors) {
            fields.add(error.getAsJsonObject().get("field").getAsString());
        }
        assertEquals(Set.of("minVotes", "colour", "since"), fields);

        HttpResponse<String> unknown = host.http().get("/v1/exports/parquet-of-dreams", scenario.app().secretKey());
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("jsonl"), "says which formats there are: " + unknown.body());
    }

    @Test
    void onlyTheSecretKeyExports() {
        assertEquals(401, host.http().get("/v1/exports/jsonl", null).statusCode());
        assertEquals(403, host.http().get("/v1/exports/jsonl", scenario.app().publishableKey()).statusCode());
        TestHost.TestApp other = host.createApp("other");
        HttpResponse<byte[]> theirs = host.http().sendForBytes(host.http().request("/v1/exports/jsonl",
                other.secretKey()).GET());
        assertEquals(200, theirs.statusCode());
        assertEquals(0, theirs.body().length, "another app's export holds none of this app's votes");
        JsonArray jobs = JsonParser.parseString(host.http().get("/v1/exports/jobs", other.secretKey()).body())
                .getAsJsonObject().getAsJsonArray("jobs");
        assertEquals(1, jobs.size(), "only its own export: " + jobs);
    }
}
