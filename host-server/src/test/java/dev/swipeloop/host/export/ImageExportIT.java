package dev.swipeloop.host.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Duck;
import dev.swipeloop.host.testing.ExportScenario;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports that carry the images themselves, end to end: images uploaded to the media store,
 * items pointing at them, votes through the API, and the Pick-a-Pic Parquet and imagefolder zip
 * read back with DuckDB and ImageIO.
 */
class ImageExportIT {
    @TempDir
    Path dir;
    TestHost host;
    TestHost.TestApp app;
    final Map<String, byte[]> uploaded = new HashMap<>();

    @BeforeEach
    void start() {
        host = TestHost.start(dir);
        app = host.createApp("images");
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 4; i++) {
            byte[] png = TestImages.png(24 + i, i);
            HttpResponse<String> stored = host.http().send(host.http().request("/v1/media", app.secretKey())
                    .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png)));
            assertEquals(201, stored.statusCode(), stored.body());
            String url = JsonParser.parseString(stored.body()).getAsJsonObject().get("url").getAsString();
            uploaded.put("img" + i, png);
            items.append(i == 0 ? "" : ",").append("{\"id\":\"img").append(i).append("\",\"imageUrl\":\"").append(url)
                    .append("\",\"prompt\":\"a fox, take ").append(i / 2).append("\",\"group\":\"g").append(i / 2)
                    .append("\",\"model\":\"").append(i % 2 == 0 ? "sdxl" : "flux").append("\"}");
        }
        assertEquals(200, host.http().post("/v1/items", app.secretKey(), null, items.append("]}").toString()).statusCode());
        ExportScenario.send(host, app, List.of(
                ExportScenario.pair("ann", "img0", "img1", "left"),
                ExportScenario.pair("bob", "img1", "img0", "right"),
                ExportScenario.pair("cy", "img2", "img3", "right"),
                ExportScenario.pair("ann", "img2", "img3", "tie"),
                ExportScenario.binary("ann", "img0", "like"),
                ExportScenario.binary("bob", "img3", "dislike")));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private Path download(String pathAndQuery, String name) throws Exception {
        HttpResponse<byte[]> response = host.http().sendForBytes(host.http().request(pathAndQuery, app.secretKey()).GET());
        assertEquals(200, response.statusCode(), new String(response.body()));
        Path file = dir.resolve(name);
        Files.write(file, response.body());
        return file;
    }

    @Test
    void pickapicHasTheDatasetsColumnsAndTheUploadedBytes() throws Exception {
        Path parquet = download("/v1/exports/pickapic", "pairs.parquet");
        String source = "read_parquet(" + Duck.quote(parquet) + ")";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("are_different", "BOOLEAN");
        expected.put("best_image_uid", "VARCHAR");
        expected.put("caption", "VARCHAR");
        expected.put("created_at", "TIMESTAMP_NS");
        expected.put("has_label", "BOOLEAN");
        expected.put("image_0_uid", "VARCHAR");
        expected.put("image_0_url", "VARCHAR");
        expected.put("image_1_uid", "VARCHAR");
        expected.put("image_1_url", "VARCHAR");
        expected.put("jpg_0", "BLOB");
        expected.put("jpg_1", "BLOB");
        expected.put("label_0", "DOUBLE");
        expected.put("label_1", "DOUBLE");
        expected.put("model_0", "VARCHAR");
        expected.put("model_1", "VARCHAR");
        expected.put("ranking_id", "BIGINT");
        expected.put("user_id", "BIGINT");
        expected.put("num_example_per_prompt", "BIGINT");
        assertEquals(expected, Duck.columns(source), "Pick-a-Pic v2's columns, types and order");

        List<Map<String, Object>> rows = Duck.rows("SELECT image_0_uid, image_1_uid, label_0, label_1, best_image_uid,"
                + " caption, jpg_0, jpg_1, num_example_per_prompt FROM " + source + " ORDER BY ranking_id");
        assertEquals(3, rows.size(), "the tie is left out by default; binary votes are no pairs");
        assertRow(rows.get(0), "img0", "img1", 1.0, "img0");
        assertRow(rows.get(1), "img1", "img0", 0.0, "img0");
        assertRow(rows.get(2), "img2", "img3", 0.0, "img3");
        assertEquals("a fox, take 0", rows.get(0).get("caption"));
        assertEquals(2L, ((Number) rows.get(0).get("num_example_per_prompt")).longValue());
        for (Map<String, Object> row : rows) {
            byte[] jpg0 = blob(row.get("jpg_0"));
            assertArrayEquals(uploaded.get((String) row.get("image_0_uid")), jpg0, "jpg_0 is the uploaded file");
            assertArrayEquals(uploaded.get((String) row.get("image_1_uid")), blob(row.get("jpg_1")));
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpg0));
            assertNotNull(decoded, "jpg_0 decodes as an image");
            assertEquals(24 + Integer.parseInt(((String) row.get("image_0_uid")).substring(3)), decoded.getWidth());
        }

        Path withTies = download("/v1/exports/pickapic?includeTies=true", "ties.parquet");
        List<Map<String, Object>> tie = Duck.rows("SELECT label_0, label_1 FROM read_parquet(" + Duck.quote(withTies)
                + ") WHERE label_0 = 0.5");
        assertEquals(1, tie.size());
        assertEquals(0.5, ((Number) tie.get(0).get("label_1")).doubleValue());
    }

    private static void assertRow(Map<String, Object> row, String image0, String image1, double label0, String best) {
        assertEquals(image0, row.get("image_0_uid"));
        assertEquals(image1, row.get("image_1_uid"));
        assertEquals(label0, ((Number) row.get("label_0")).doubleValue(), "label_0 follows the vote");
        assertEquals(1 - label0, ((Number) row.get("label_1")).doubleValue());
        assertEquals(best, row.get("best_image_uid"));
    }

    private static byte[] blob(Object value) throws Exception {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        java.sql.Blob blob = (java.sql.Blob) value;
        return blob.getBytes(1, (int) blob.length());
    }

    @Test
    void imagefolderRunsAsABackgroundJobAndHoldsTheImages() throws Exception {
        HttpResponse<String> queued = host.http().post("/v1/exports", app.secretKey(), null,
                "{\"format\":\"imagefolder\",\"options\":{\"rows\":\"pairs\",\"license\":\"cc-by-4.0\"}}");
        assertEquals(202, queued.statusCode(), queued.body());
        String location = queued.headers().firstValue("Location").orElseThrow();
        JsonObject job = awaitDone(location);
        assertEquals(3, job.getAsJsonObject("manifest").get("rows").getAsLong());

        Path zip = download(job.get("download").getAsString(), "dataset.zip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertTrue(entries.containsKey("README.md") && entries.containsKey("train/metadata.jsonl"), entries.keySet().toString());
        Path metadata = dir.resolve("metadata.jsonl");
        Files.write(metadata, entries.get("train/metadata.jsonl"));
        List<Map<String, Object>> rows = Duck.rows("SELECT prompt, chosen_file_name, rejected_file_name FROM read_json("
                + Duck.quote(metadata) + ", format='newline_delimited')");
        assertEquals(3, rows.size());
        byte[] chosen = entries.get("train/" + rows.get(0).get("chosen_file_name"));
        assertArrayEquals(uploaded.get("img0"), chosen, "the chosen image of the first pair is img0, as uploaded");
        assertTrue(new String(entries.get("README.md")).contains("license: \"cc-by-4.0\""));
    }

    @Test
    void fetchMediaNeverReachesAPrivateAddressEvenWhenItsHostIsAllowed() throws Exception {
        host.close();
        byte[] png = TestImages.png(16, 3);
        // A real image on a loopback address: only the address rule can keep the export from it.
        host = TestHost.start(dir.resolve("fetching"), Map.of("export.fetchMedia.allowedHosts", "127.0.0.1,localhost"),
                config -> config.routes.get("/inside/fox.png", ctx -> ctx.contentType("image/png").result(png)));
        app = host.createApp("fetching");
        HttpResponse<byte[]> reachable = host.http().sendForBytes(host.http().request("/inside/fox.png", null).GET());
        assertArrayEquals(png, reachable.body(), "the image is there for anyone who may connect");
        assertEquals(200, host.http().post("/v1/items", app.secretKey(), null, "{\"items\":[{\"id\":\"inside\","
                + "\"imageUrl\":\"" + host.url() + "/inside/fox.png\",\"prompt\":\"a fox\"}]}").statusCode());
        ExportScenario.send(host, app, List.of(ExportScenario.binary("ann", "inside", "like")));

        HttpResponse<byte[]> response = host.http().sendForBytes(host.http().request(
                "/v1/exports/imagefolder?fetchMedia=true", app.secretKey()).GET());
        assertEquals(200, response.statusCode());
        String job = response.headers().firstValue("Link").orElseThrow().replaceAll("^<([^>]+)>.*$", "$1");
        JsonObject manifest = JsonParser.parseString(host.http().get(job, app.secretKey()).body()).getAsJsonObject()
                .getAsJsonObject("manifest");
        assertEquals(0, manifest.get("rows").getAsLong(), "loopback is refused however the allowlist reads");
        assertEquals(1, manifest.getAsJsonObject("skipped").get("no image bytes").getAsLong());
    }

    private JsonObject awaitDone(String location) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> status = host.http().get(location, app.secretKey());
            assertEquals(200, status.statusCode(), status.body());
            JsonObject job = JsonParser.parseString(status.body()).getAsJsonObject();
            String state = job.get("state").getAsString();
            seen.add(state);
            if (state.equals("done")) {
                return job;
            }
            assertTrue(!state.equals("failed"), status.body());
            Thread.sleep(50);
        }
        throw new AssertionError("export not done in 30 s; states seen: " + seen);
    }
}
