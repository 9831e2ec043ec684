package dev.swipeloop.host.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.Duck;
import dev.swipeloop.host.testing.ExportScenario;
import dev.swipeloop.host.testing.HostProcess;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestImages;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swipeloop export} as a user runs it, in its own JVM from the built distribution, on the
 * data of a host that keeps running meanwhile (SQLite lets both open the file).
 */
class ExportCommandIT {
    @TempDir
    Path dir;
    Path data;
    Path plugins;
    TestHost host;
    ExportScenario scenario;

    @BeforeEach
    void start() {
        data = dir.resolve("data");
        plugins = Dist.copyPlugins(dir.resolve("plugins"));
        host = TestHost.start(dir, Map.of("data", data.toString(), "pluginsDir", plugins.toString()));
        scenario = ExportScenario.create(host);
        scenario.castVotes();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private HostProcess export(String... args) {
        List<String> command = new ArrayList<>(List.of("export", "--data", data.toString(), "--plugins-dir",
                plugins.toString()));
        command.addAll(List.of(args));
        HostProcess process = HostProcess.launch(dir.resolve("logs"), command);
        process.waitFor(Duration.ofSeconds(90));
        return process;
    }

    /** The CLI reads the rater-quality flags from the stored votes itself, as the running host does. */
    @Test
    void excludeFlaggedLeavesOutARaterTheSpeedRuleFlaggedAndKeepsTheirFlagsOtherwise() throws Exception {
        List<String> bot = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bot.add(ExportScenario.binary("clicker", "img" + i, "like").replace("\"dwellMs\":640", "\"dwellMs\":90"));
        }
        scenario.send(bot);

        Path all = dir.resolve("all.jsonl");
        assertEquals(0, export("--format", "jsonl", "--out", all.toString()).waitFor(Duration.ofSeconds(1)));
        List<String> rows = Files.readAllLines(all);
        assertEquals(14 + 8, rows.size());
        assertEquals(8, rows.stream().filter(row -> row.contains("\"raterFlags\":[\"too-fast\"]")).count(),
                "a flag stands against the rater, so every row of theirs lists it");

        Path kept = dir.resolve("kept.jsonl");
        HostProcess run = export("--format", "jsonl", "--out", kept.toString(), "--exclude-flagged");
        assertEquals(0, run.waitFor(Duration.ofSeconds(1)), run.stderr());
        assertEquals(14, Files.readAllLines(kept).size(), "every vote of the flagged rater is left out");
        JsonObject manifest = JsonParser.parseString(Files.readString(dir.resolve("kept.jsonl.manifest.json")))
                .getAsJsonObject();
        assertTrue(manifest.toString().contains("flagged rater"), manifest.toString());
    }

    @Test
    void writesTheFileAManifestBesideItAndShowsProgress() throws Exception {
        Path out = dir.resolve("votes.jsonl");
        HostProcess run = export("--format", "jsonl", "--out", out.toString(), "--splits", "train:0.5,test:0.5");
        assertEquals(0, run.waitFor(Duration.ofSeconds(1)), run.stderr());
        assertEquals(ExportScenario.BINARY_VOTES + ExportScenario.PAIR_VOTES, Files.readAllLines(out).size());
        assertTrue(run.stderr().contains("] 100%  14 rows"), "the last progress line counts what was written: "
                + run.stderr());
        assertTrue(run.stderr().contains("exported 14 rows"), run.stderr());
        assertTrue(run.stdout().isEmpty(), "stdout stays free for --out -: " + run.stdout());

        JsonObject manifest = JsonParser.parseString(Files.readString(dir.resolve("votes.jsonl.manifest.json")))
                .getAsJsonObject();
        assertEquals(14, manifest.get("rows").getAsLong());
        assertEquals("train:0.5,test:0.5", manifest.get("splits").getAsString());
        assertEquals(sha256(out), manifest.getAsJsonArray("files").get(0).getAsJsonObject().get("sha256").getAsString());
        assertTrue(Files.notExists(dir.resolve("votes.jsonl.partial")), "no temporary file is left behind");
    }

    @Test
    void aZipFormatUnpacksIntoADirectoryThatDatasetsCanRead() throws Exception {
        byte[] png = TestImages.png(32, 5);
        HttpResponse<String> stored = host.http().send(host.http().request("/v1/media", scenario.app().secretKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)));
        String url = JsonParser.parseString(stored.body()).getAsJsonObject().get("url").getAsString();
        assertEquals(200, host.http().post("/v1/items", scenario.app().secretKey(), null,
                "{\"items\":[{\"id\":\"img0\",\"imageUrl\":\"" + url + "\",\"prompt\":\"a fox\",\"group\":\"g0\"}]}")
                .statusCode());

        Path out = dir.resolve("kto");
        HostProcess run = export("--format", "imagefolder", "--out", out + "/");
        assertEquals(0, run.waitFor(Duration.ofSeconds(1)), run.stderr());
        List<Map<String, Object>> rows = Duck.rows("SELECT file_name, caption, label FROM read_json("
                + Duck.quote(out.resolve("train/metadata.jsonl")) + ", format='newline_delimited')");
        assertEquals(2, rows.size(), "ann's and bob's likes of img0; the other images have no bytes here");
        assertEquals(1L, ((Number) rows.get(0).get("label")).longValue());
        Path image = out.resolve("train").resolve((String) rows.get(0).get("file_name"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)), sha256(image));

        JsonObject manifest = JsonParser.parseString(Files.readString(out.resolve("manifest.json"))).getAsJsonObject();
        List<String> files = new ArrayList<>();
        manifest.getAsJsonArray("files").forEach(f -> files.add(f.getAsJsonObject().get("name").getAsString()));
        assertTrue(files.contains("train/metadata.jsonl") && files.contains("README.md"), files.toString());
        assertEquals(12, manifest.getAsJsonObject("skipped").get("no image bytes").getAsLong()
                + manifest.getAsJsonObject("skipped").get("skip").getAsLong()
                + manifest.getAsJsonObject("skipped").get("pair vote").getAsLong());
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "the zip is removed");
        }
    }

    @Test
    void badUsageExitsWithTwoAndNamesEveryBadOption() throws Exception {
        HostProcess bad = export("--format", "jsonl", "--min-votes", "-1", "--colour", "red");
        assertEquals(2, bad.waitFor(Duration.ofSeconds(1)));
        assertTrue(bad.stderr().contains("--min-votes") && bad.stderr().contains("--colour"), bad.stderr());

        HostProcess unknown = export("--format", "tfrecord");
        assertEquals(2, unknown.waitFor(Duration.ofSeconds(1)));
        assertTrue(unknown.stderr().contains("pickapic"), "lists the installed formats: " + unknown.stderr());

        Path used = dir.resolve("used");
        Files.createDirectories(used.resolve("test"));
        HostProcess notEmpty = export("--format", "imagefolder", "--out", used + "/");
        assertEquals(2, notEmpty.waitFor(Duration.ofSeconds(1)), notEmpty.stderr());
        assertTrue(notEmpty.stderr().contains("is not empty"), "an old split would be read with the new ones: "
                + notEmpty.stderr());

        host.createApp("second");
        HostProcess which = export("--format", "jsonl");
        assertEquals(2, which.waitFor(Duration.ofSeconds(1)));
        assertTrue(which.stderr().contains("--app is required") && which.stderr().contains(scenario.app().id()),
                which.stderr());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
