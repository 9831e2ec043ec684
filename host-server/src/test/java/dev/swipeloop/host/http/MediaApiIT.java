package dev.swipeloop.host.http;

import static dev.swipeloop.host.http.HttpApiIT.json;
import static dev.swipeloop.host.http.HttpApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestHost.TestApp;
import dev.swipeloop.host.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /v1/media and GET /media/{sha256} against a real host. */
class MediaApiIT {
    @TempDir
    Path dir;
    TestHost host;
    TestApp app;

    void start(Map<String, String> settings) {
        host = TestHost.start(dir, settings);
        app = host.createApp("gallery");
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    HttpResponse<String> upload(String key, HttpRequest.BodyPublisher body) {
        return host.http().send(host.http().request("/v1/media", key).header("Content-Type", "application/octet-stream")
                .POST(body));
    }

    HttpResponse<String> upload(byte[] bytes) {
        return upload(app.secretKey(), HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    /** Chunked, without Content-Length: the server sees the size only while reading. */
    HttpResponse<String> uploadStreamed(byte[] bytes) {
        return upload(app.secretKey(), HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    }

    HttpResponse<byte[]> download(String path, String ifNoneMatch) {
        HttpRequest.Builder request = host.http().request(path, null).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return host.http().sendForBytes(request);
    }

    List<Path> mediaFiles() throws IOException {
        Path media = dir.resolve("data").resolve("media");
        try (Stream<Path> walk = Files.walk(media)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anUploadIsStoredOnceAndServedBackByteForByteWithCarefulHeaders() throws Exception {
        start(Map.of());
        byte[] png = TestImages.png(48, 1);
        String sha = sha256(png);

        HttpResponse<String> created = upload(png);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject stored = json(created);
        String url = host.url() + "/media/" + sha;
        assertEquals(sha, stored.get("sha256").getAsString());
        assertEquals(url, stored.get("url").getAsString());
        assertEquals("image/png", stored.get("mediaType").getAsString());
        assertEquals(png.length, stored.get("bytes").getAsLong());
        assertEquals(url, created.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> again = uploadStreamed(png);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(stored, json(again));
        assertEquals(1, mediaFiles().size());

        HttpResponse<byte[]> served = download("/media/" + sha, null);
        assertEquals(200, served.statusCode());
        assertArrayEquals(png, served.body());
        HttpHeaders headers = served.headers();
        assertEquals("image/png", headers.firstValue("Content-Type").orElseThrow());
        assertEquals(String.valueOf(png.length), headers.firstValue("Content-Length").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", headers.firstValue("Cache-Control").orElseThrow());
        assertEquals("\"" + sha + "\"", headers.firstValue("ETag").orElseThrow());
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("default-src 'none'; style-src 'unsafe-inline'; sandbox",
                headers.firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("*", headers.firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("cross-origin", headers.firstValue("Cross-Origin-Resource-Policy").orElseThrow());
        assertEquals("inline; filename=\"" + sha + ".png\"", headers.firstValue("Content-Disposition").orElseThrow());

        HttpResponse<byte[]> head = host.http().sendForBytes(host.http().request("/media/" + sha, null)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("image/png", head.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(String.valueOf(png.length), head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(404, host.http().sendForBytes(host.http().request("/media/" + sha256(new byte[] {1}), null)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());

        HttpResponse<byte[]> cached = download("/media/" + sha, "\"" + sha + "\"");
        assertEquals(304, cached.statusCode());
        assertEquals(0, cached.body().length);

        // The URL is what an item's imageUrl should be; the deck hands it out absolute.
        assertEquals(200, host.http().post("/v1/items", app.secretKey(), null,
                "{\"items\":[{\"id\":\"up\",\"imageUrl\":\"/media/" + sha + "\"}]}").statusCode());
        JsonObject deck = json(host.http().send(host.http().request("/v1/deck?rater=r1", app.publishableKey())
                .header("Origin", TestHost.ORIGIN).GET()));
        assertEquals(url, deck.getAsJsonArray("cards").get(0).getAsJsonObject().getAsJsonObject("item")
                .get("imageUrl").getAsString());
    }

    @Test
    void everyAcceptedTypeIsServedWithTheTypeItsBytesShow() throws Exception {
        start(Map.of());
        Map<String, byte[]> images = Map.of("image/jpeg", TestImages.jpeg(32, 2), "image/gif", TestImages.gif(32, 2),
                "image/webp", TestImages.webp(500));
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            // The declared type is ignored: the bytes decide.
            HttpResponse<String> res = host.http().send(host.http().request("/v1/media", app.secretKey())
                    .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(image.getValue())));
            assertEquals(201, res.statusCode(), res.body());
            assertEquals(image.getKey(), json(res).get("mediaType").getAsString());
            HttpResponse<byte[]> served = download("/media/" + sha256(image.getValue()), null);
            assertEquals(image.getKey(), served.headers().firstValue("Content-Type").orElseThrow());
            assertArrayEquals(image.getValue(), served.body());
        }
    }

    @Test
    void refusedUploadsAreProblemsNamingTheBodyAndStoreNothing() throws Exception {
        start(Map.of("media.maxBytes", "4096", "limits.maxBodyBytes", "2048", "publicUrl", "https://img.example.org/"));
        byte[] small = TestImages.pngOfSize(3000);
        HttpResponse<String> ok = upload(small);
        assertEquals(201, ok.statusCode(), "limits.maxBodyBytes (2048) does not cap media: " + ok.body());
        assertEquals("https://img.example.org/media/" + sha256(small), json(ok).get("url").getAsString(),
                "publicUrl makes the URL");
        List<Path> before = mediaFiles();

        byte[] big = TestImages.pngOfSize(5000);
        for (HttpResponse<String> tooLarge : List.of(upload(big), uploadStreamed(big))) {
            JsonObject p = problem(tooLarge, 413, "media-too-large");
            assertEquals("body", firstError(p).get("field").getAsString());
            assertEquals("must be at most 4096 bytes", firstError(p).get("message").getAsString());
        }

        byte[] html = "<!DOCTYPE html><script>alert(document.cookie)</script>".getBytes(StandardCharsets.US_ASCII);
        JsonObject unsupported = problem(upload(html), 415, "unsupported-media-type");
        assertEquals("body", firstError(unsupported).get("field").getAsString());
        assertTrue(firstError(unsupported).get("message").getAsString()
                .startsWith("must be a PNG, JPEG, WebP or GIF image (magic bytes"), unsupported.toString());
        problem(uploadStreamed(html), 415, "unsupported-media-type");

        JsonObject empty = problem(upload(new byte[0]), 400, "invalid-request");
        assertEquals("body", firstError(empty).get("field").getAsString());

        problem(upload(null, HttpRequest.BodyPublishers.ofByteArray(small)), 401, "invalid-key");
        problem(upload(app.publishableKey(), HttpRequest.BodyPublishers.ofByteArray(small)), 403, "secret-key-required");

        assertEquals(before, mediaFiles(), "no refused upload left a file, not even a temp file");
    }

    @Test
    void badAndUnknownNamesAreProblems() throws Exception {
        start(Map.of());
        String sha = sha256(new byte[] {42});
        JsonObject notFound = problemOf(download("/media/" + sha, null), 404);
        assertTrue(notFound.get("detail").getAsString().contains("POST /v1/media"), notFound.toString());
        List<String> badNames = List.of("b.png", sha.toUpperCase(Locale.ROOT), sha.substring(1), sha + "0",
                "..%2F..%2Fetc%2Fpasswd");
        for (String bad : badNames) {
            JsonObject p = problemOf(download("/media/" + bad, null), 400);
            assertEquals("sha256", firstError(p).get("field").getAsString(), bad);
        }
    }

    private static JsonObject problemOf(HttpResponse<byte[]> res, int status) {
        assertEquals(status, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject p = JsonParser.parseString(new String(res.body(), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(status, p.get("status").getAsInt());
        return p;
    }

    private static JsonObject firstError(JsonObject problem) {
        return problem.getAsJsonArray("errors").get(0).getAsJsonObject();
    }
}
