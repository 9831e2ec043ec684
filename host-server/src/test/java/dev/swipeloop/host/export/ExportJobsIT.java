package dev.swipeloop.host.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.ExportScenario;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestPluginJar;
import dev.swipeloop.host.testing.plugins.FailingExportFormat;
import dev.swipeloop.host.testing.plugins.SlowExportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a pipeline that pulls exports on a schedule relies on: named cursors and afterSeq deliver
 * only what is new, a failed export moves no cursor and never passes for a whole one, and the
 * export history with its manifests and downloads outlives a restart.
 */
class ExportJobsIT {
    @TempDir
    Path dir;
    Path plugins;
    TestHost host;
    ExportScenario scenario;

    @BeforeEach
    void start() {
        plugins = Dist.copyPlugins(dir.resolve("plugins"));
        TestPluginJar.write(plugins, "half-written", null, List.of(FailingExportFormat.class));
        TestPluginJar.write(plugins, "slow", null, List.of(SlowExportFormat.class));
        host = startHost();
        scenario = ExportScenario.create(host);
        scenario.castVotes();
    }

    private TestHost startHost() {
        return TestHost.start(dir, Map.of("pluginsDir", plugins.toString()));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private JsonObject streamed(String pathAndQuery) {
        HttpResponse<byte[]> response = host.http().sendForBytes(host.http().request(pathAndQuery,
                scenario.app().secretKey()).GET());
        assertEquals(200, response.statusCode(), new String(response.body()));
        String id = response.headers().firstValue("X-Swipeloop-Export-Id").orElseThrow();
        return get("/v1/exports/jobs/" + id);
    }

    private JsonObject get(String path) {
        HttpResponse<String> response = host.http().get(path, scenario.app().secretKey());
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static long rows(JsonObject job) {
        return job.getAsJsonObject("manifest").get("rows").getAsLong();
    }

    @Test
    void aNamedCursorDeliversEachVoteOnce() {
        JsonObject first = streamed("/v1/exports/jsonl?cursor=nightly");
        assertEquals(ExportScenario.BINARY_VOTES + ExportScenario.PAIR_VOTES, rows(first));
        long end = first.getAsJsonObject("manifest").getAsJsonObject("range").get("lastSeq").getAsLong();

        scenario.send(List.of(ExportScenario.binary("dee", "img1", "like"), ExportScenario.binary("dee", "img2", "dislike")));
        JsonObject second = streamed("/v1/exports/jsonl?cursor=nightly");
        assertEquals(2, rows(second));
        assertEquals(end, second.getAsJsonObject("manifest").getAsJsonObject("range").get("afterSeq").getAsLong());
        assertEquals(0, rows(streamed("/v1/exports/jsonl?cursor=nightly")), "nothing new");
        assertEquals(2, rows(streamed("/v1/exports/jsonl?afterSeq=" + end)), "afterSeq reads without moving a cursor");
        assertEquals(ExportScenario.BINARY_VOTES + ExportScenario.PAIR_VOTES + 2, rows(streamed("/v1/exports/jsonl?cursor=weekly")),
                "another name is another cursor");

        HttpResponse<String> both = host.http().get("/v1/exports/jsonl?cursor=nightly&afterSeq=3", scenario.app().secretKey());
        assertEquals(400, both.statusCode());
        assertTrue(both.body().contains("\"afterSeq\""), both.body());
    }

    @Test
    void aCursorServesOneExportAtATimeAndEachSplitKeepsItsOwnPlace() {
        HttpResponse<String> running = host.http().post("/v1/exports", scenario.app().secretKey(), null,
                "{\"format\":\"slow\",\"options\":{\"cursor\":\"nightly\"}}");
        assertEquals(202, running.statusCode(), running.body());
        HttpResponse<String> second = host.http().post("/v1/exports", scenario.app().secretKey(), null,
                "{\"format\":\"jsonl\",\"options\":{\"cursor\":\"nightly\"}}");
        assertEquals(409, second.statusCode(), "two exports on one cursor would deliver the same votes twice");
        assertEquals(409, host.http().get("/v1/exports/jsonl?cursor=nightly", scenario.app().secretKey()).statusCode());
        assertEquals("done", awaitFinished(running.headers().firstValue("Location").orElseThrow()).get("state").getAsString());
        assertEquals(0, rows(streamed("/v1/exports/jsonl?cursor=nightly")), "the slow export moved it to the end");

        String splits = "splits=train:0.5,test:0.5";
        long train = rows(streamed("/v1/exports/jsonl?cursor=daily&" + splits + "&split=train"));
        long test = rows(streamed("/v1/exports/jsonl?cursor=daily&" + splits + "&split=test"));
        assertEquals(ExportScenario.BINARY_VOTES + ExportScenario.PAIR_VOTES, train + test,
                "the train export did not move the test split's cursor");
    }

    @Test
    void aFailedStreamIsCutOffMovesNoCursorAndIsRecordedAsFailed() {
        UncheckedIOException cut = assertThrows(UncheckedIOException.class, () -> host.http().sendForBytes(
                host.http().request("/v1/exports/half-written?cursor=nightly", scenario.app().secretKey()).GET()),
                "the client must not receive a clean end of a broken export");
        assertTrue(cut.getCause() instanceof IOException, cut.toString());

        JsonArray jobs = get("/v1/exports/jobs").getAsJsonArray("jobs");
        assertEquals("failed", jobs.get(0).getAsJsonObject().get("state").getAsString());
        assertTrue(jobs.get(0).getAsJsonObject().get("error").getAsString().contains("half-way"));
        assertEquals(ExportScenario.BINARY_VOTES + ExportScenario.PAIR_VOTES, rows(streamed("/v1/exports/jsonl?cursor=nightly")),
                "the cursor did not move past the votes the failed export never delivered");
    }

    @Test
    void historyAndDownloadsSurviveARestart() {
        HttpResponse<String> queued = host.http().post("/v1/exports", scenario.app().secretKey(), null,
                "{\"format\":\"csv\",\"options\":{\"minVotes\":2}}");
        assertEquals(202, queued.statusCode(), queued.body());
        String location = queued.headers().firstValue("Location").orElseThrow();
        JsonObject job = awaitFinished(location);
        assertEquals("done", job.get("state").getAsString(), job.toString());
        String streamedId = streamed("/v1/exports/jsonl").get("id").getAsString();

        host.close();
        host = startHost();
        JsonArray jobs = get("/v1/exports/jobs").getAsJsonArray("jobs");
        assertEquals(2, jobs.size());
        HttpResponse<byte[]> file = host.http().sendForBytes(host.http().request(job.get("download").getAsString(),
                scenario.app().secretKey()).GET());
        assertEquals(200, file.statusCode());
        assertTrue(new String(file.body()).startsWith("seq,id,kind"), "the CSV, header first");
        assertEquals(job.getAsJsonObject("manifest").getAsJsonArray("files").get(0).getAsJsonObject().get("bytes").getAsLong(),
                file.body().length);

        assertEquals(409, host.http().get("/v1/exports/jobs/" + streamedId + "/download", scenario.app().secretKey()).statusCode(),
                "a streamed export went to its client; nothing is kept");
        assertEquals(404, host.http().get("/v1/exports/jobs/exp_0000000000000000", scenario.app().secretKey()).statusCode());
        TestHost.TestApp other = host.createApp("other");
        assertEquals(404, host.http().get(location, other.secretKey()).statusCode(), "another app's job is not found");
    }

    @Test
    void aJobWhoseHostDiedIsMarkedFailedByTheNextStartAndItsPartialFileDeleted() throws IOException {
        host.close();
        // What a host killed mid-export leaves: a running record, a partial file, no live lease.
        ExportJobFiles files = new ExportJobFiles(dir.resolve("data").resolve("exports"));
        ExportJobRecord running = new ExportJobRecord("exp_00000000000000aa", scenario.app().id(), "jsonl",
                ExportJobRecord.RUNNING, false, java.time.Instant.now(), null, "votes.jsonl", null, null, null);
        files.save(running);
        java.nio.file.Files.writeString(files.partial(running), "{\"seq\":1}\n");

        host = startHost();
        JsonObject job = get("/v1/exports/jobs/" + running.id());
        assertEquals("failed", job.get("state").getAsString(), job.toString());
        assertTrue(job.get("error").getAsString().contains("stopped before it finished"), job.toString());
        assertTrue(java.nio.file.Files.notExists(files.partial(running)), "the half-written file is gone");
    }

    @Test
    void badJobRequestsNameTheField() {
        HttpResponse<String> noFormat = host.http().post("/v1/exports", scenario.app().secretKey(), null, "{\"options\":{}}");
        assertEquals(400, noFormat.statusCode());
        assertTrue(noFormat.body().contains("\"format\""), noFormat.body());
        HttpResponse<String> badOption = host.http().post("/v1/exports", scenario.app().secretKey(), null,
                "{\"format\":\"pickapic\",\"options\":{\"includeTies\":\"sometimes\",\"splits\":\"train\"}}");
        assertEquals(400, badOption.statusCode());
        assertTrue(badOption.body().contains("options.includeTies") && badOption.body().contains("options.splits"),
                badOption.body());
        HttpResponse<String> unknown = host.http().post("/v1/exports", scenario.app().secretKey(), null,
                "{\"format\":\"tfrecord\",\"options\":{\"excludeFlagged\":true}}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("\"format\""), unknown.body());
        HttpResponse<String> flagged = host.http().post("/v1/exports", scenario.app().secretKey(), null,
                "{\"format\":\"jsonl\",\"options\":{\"excludeFlagged\":\"spammers\"}}");
        assertEquals(400, flagged.statusCode(), flagged.body());
        assertTrue(flagged.body().contains("options.excludeFlagged"), flagged.body());
        assertEquals(0, get("/v1/exports/jobs").getAsJsonArray("jobs").size(), "nothing was queued");
    }

    private JsonObject awaitFinished(String location) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject job = get(location);
            if (job.get("state").getAsString().equals("done") || job.get("state").getAsString().equals("failed")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("export " + location + " did not finish in 30 s");
    }
}
