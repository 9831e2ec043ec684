package dev.swipeloop.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.apps.AppDirectory;
import dev.swipeloop.host.apps.RaterTokens;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.HostProcess;
import dev.swipeloop.host.testing.Http;
import dev.swipeloop.sdk.model.App;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./swipeloop} as a user types it, against the built distribution in its own JVM. */
class CommandLineIT {
    @TempDir
    Path dir;

    @Test
    void appsCreatePrintsOneJsonObjectWithKeysThatWork() throws Exception {
        Path data = dir.resolve("data");
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        HostProcess create = HostProcess.launch(dir, List.of("apps", "create", "--name", "Meme Lab",
                "--origin", "https://memes.example", "--origin", "http://localhost:3000",
                "--data", data.toString(), "--plugins-dir", plugins.toString()));
        assertEquals(0, create.waitFor(Duration.ofSeconds(60)), create.stderr());
        JsonObject json = JsonParser.parseString(create.stdout().strip()).getAsJsonObject();
        String app = json.get("app").getAsString();
        assertTrue(json.get("publishableKey").getAsString().startsWith("pk_"), json.toString());
        assertTrue(json.get("secretKey").getAsString().startsWith("sk_"), json.toString());
        assertTrue(json.get("signingSecret").getAsString().startsWith("ss_"), json.toString());
        assertEquals(1, create.stdout().strip().lines().count(), "stdout is exactly one JSON object");

        // The database and its WAL, whichever holds the app row now.
        StringBuilder stored = new StringBuilder();
        try (java.util.stream.Stream<Path> files = Files.list(data)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("swipeloop.db")).toList()) {
                stored.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(stored.indexOf(app) >= 0, "the app is in the database files read here");
        assertTrue(stored.indexOf(json.get("secretKey").getAsString()) < 0, "the secret key must be stored hashed, never as it is");

        try (HostProcess serve = HostProcess.launch(dir, List.of("serve", "--port", "0", "--bind", "127.0.0.1",
                "--data", data.toString(), "--plugins-dir", plugins.toString()))) {
            int port = serve.awaitReady(Duration.ofSeconds(60));
            HttpResponse<String> stats = new Http("http://127.0.0.1:" + port).get("/v1/stats", json.get("secretKey").getAsString());
            assertEquals(200, stats.statusCode(), stats.body());
            assertTrue(app.length() > 0);
        }
    }

    @Test
    void demoServesTheWidgetOnItsDeckAndPrintsKeysThatWork() throws Exception {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        try (HostProcess demo = HostProcess.launch(dir, List.of("demo", "--port", "0", "--bind", "127.0.0.1",
                "--data", dir.resolve("data").toString(), "--plugins-dir", plugins.toString()))) {
            Http http = new Http("http://127.0.0.1:" + demo.awaitReady(Duration.ofSeconds(60)));
            HttpResponse<String> page = http.get("/", null);
            for (int i = 0; i < 100 && page.statusCode() == 503; i++) {
                Thread.sleep(100); // the deck is painted right after start-up
                page = http.get("/", null);
            }
            assertEquals(200, page.statusCode());
            for (int i = 0; i < 100 && !demo.stdout().contains("Secret key:"); i++) {
                Thread.sleep(100);
            }
            String publishable = printed(demo, "Publishable key:");
            String secret = printed(demo, "Secret key:");
            assertTrue(page.body().contains("<swipe-deck key=\"" + publishable + "\""), page.body());
            String script = page.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
            assertTrue(script.matches("/widget\\.[0-9a-f]{16}\\.js"), script);
            assertEquals(200, http.get(script, null).statusCode(), "the widget comes from the distribution's lib/");

            // What the widget does on that page: ask for the deck, then load a locally painted image.
            HttpResponse<String> deck = http.send(http.request("/v1/deck?rater=visitor&limit=1", publishable)
                    .header("Origin", http.base()).GET());
            assertEquals(200, deck.statusCode(), deck.body());
            String image = JsonParser.parseString(deck.body()).getAsJsonObject().getAsJsonArray("cards").get(0)
                    .getAsJsonObject().getAsJsonObject("item").get("imageUrl").getAsString();
            HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(image)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode(), image);
            assertEquals((byte) 0x89, png.body()[0], "a PNG painted locally");
            assertEquals('P', png.body()[1]);

            JsonObject stats = JsonParser.parseString(http.get("/v1/stats", secret).body()).getAsJsonObject();
            assertEquals(24, stats.get("items").getAsLong());

            // The operator token printed beside the keys signs in to the dashboard; only its file's path is logged.
            String operatorToken = printed(demo, "Operator token:");
            HttpResponse<String> session = http.send(http.request("/v1/admin/session", null)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"secret\":\"" + operatorToken + "\"}")));
            assertEquals(200, session.statusCode(), session.body());
            assertEquals("operator", JsonParser.parseString(session.body()).getAsJsonObject().get("role").getAsString());
            Path tokenFile = dir.resolve("data").resolve("operator-token");
            assertEquals(operatorToken, Files.readString(tokenFile).trim());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            assertTrue(demo.stderr().contains(tokenFile.toString()), demo.stderr());
            assertFalse(demo.stderr().contains(operatorToken), "the token itself is never logged");
        }
    }

    private static String printed(HostProcess process, String label) {
        return process.stdout().lines().filter(l -> l.contains(label)).findFirst().orElseThrow()
                .replaceAll(".*" + label + "\\s+(\\S+).*", "$1");
    }

    @Test
    void aConfigFileSetsWhatFlagsDoNotAndFlagsWin() throws Exception {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        Path fromFile = dir.resolve("data-from-file");
        Path config = dir.resolve("swipeloop.properties");
        Files.writeString(config, "data=" + fromFile + "\npluginsDir=" + plugins + "\nbind=127.0.0.1\nport=1\n"
                + "limits.maxVotesPerBatch=1\n");
        try (HostProcess serve = HostProcess.launch(dir, List.of("serve", "--config", config.toString(), "--port", "0"))) {
            int port = serve.awaitReady(Duration.ofSeconds(60));
            assertTrue(port != 1, "--port 0 on the command line wins over port=1 in the file");
            Http http = new Http("http://127.0.0.1:" + port);
            assertTrue(Files.exists(fromFile.resolve("swipeloop.db")), "data directory taken from the file");
            HostProcess create = HostProcess.launch(dir, List.of("apps", "create", "--name", "cfg", "--origin",
                    "https://x.example", "--config", config.toString()));
            assertEquals(0, create.waitFor(Duration.ofSeconds(60)), create.stderr());
            String pk = JsonParser.parseString(create.stdout().strip()).getAsJsonObject().get("publishableKey").getAsString();
            String vote = "{\"id\":\"%s\",\"rater\":\"r\",\"kind\":\"binary\",\"item\":\"i\",\"verdict\":\"like\"}";
            HttpResponse<String> tooMany = http.post("/v1/votes", pk, "https://x.example", "{\"votes\":["
                    + vote.formatted(java.util.UUID.randomUUID()) + "," + vote.formatted(java.util.UUID.randomUUID()) + "]}");
            assertEquals(413, tooMany.statusCode(), "limits.maxVotesPerBatch=1 from the file: " + tooMany.body());
        }
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() {
        HostProcess noName = HostProcess.launch(dir, List.of("apps", "create", "--origin", "https://x.example"));
        assertEquals(2, noName.waitFor(Duration.ofSeconds(30)));
        assertTrue(noName.stderr().contains("--name is required"), noName.stderr());

        HostProcess badPort = HostProcess.launch(dir, List.of("serve", "--port", "seventy"));
        assertEquals(2, badPort.waitFor(Duration.ofSeconds(30)));
        assertTrue(badPort.stderr().contains("port (--port, SWIPELOOP_PORT) must be a whole number"), badPort.stderr());

        HostProcess unknown = HostProcess.launch(dir, List.of("frobnicate"));
        assertEquals(2, unknown.waitFor(Duration.ofSeconds(30)));
    }

    @Test
    void rotatingTheSigningSecretRetiresTokensOfTheOldOneWhileTheServerRuns() throws Exception {
        Path data = dir.resolve("data");
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        HostProcess create = HostProcess.launch(dir, List.of("apps", "create", "--name", "Rotate", "--origin",
                "https://rotate.example", "--data", data.toString(), "--plugins-dir", plugins.toString()));
        assertEquals(0, create.waitFor(Duration.ofSeconds(60)), create.stderr());
        JsonObject created = JsonParser.parseString(create.stdout().strip()).getAsJsonObject();
        String app = created.get("app").getAsString();
        String publishable = created.get("publishableKey").getAsString();
        long exp = Instant.now().getEpochSecond() + 3600;
        String oldToken = RaterTokens.sign(signingWith(app, created.get("signingSecret").getAsString()), "alice", exp);

        try (HostProcess serve = HostProcess.launch(dir, List.of("serve", "--port", "0", "--bind", "127.0.0.1",
                "--data", data.toString(), "--plugins-dir", plugins.toString()))) {
            Http http = new Http("http://127.0.0.1:" + serve.awaitReady(Duration.ofSeconds(60)));
            assertEquals(200, deckFor(http, publishable, oldToken).statusCode(), "the first secret's token works");

            HostProcess rotate = HostProcess.launch(dir, List.of("apps", "rotate-signing-secret", "--app", app,
                    "--data", data.toString(), "--plugins-dir", plugins.toString()));
            assertEquals(0, rotate.waitFor(Duration.ofSeconds(60)), rotate.stderr());
            assertEquals(1, rotate.stdout().strip().lines().count(), "stdout is exactly one JSON object");
            JsonObject rotated = JsonParser.parseString(rotate.stdout().strip()).getAsJsonObject();
            assertEquals(app, rotated.get("app").getAsString());
            String newSecret = rotated.get("signingSecret").getAsString();
            assertTrue(newSecret.startsWith("ss_") && !newSecret.equals(created.get("signingSecret").getAsString()),
                    rotated.toString());
            String newToken = RaterTokens.sign(signingWith(app, newSecret), "alice", exp);

            // docs/verified-raters.md promises the running host notices within its app cache's TTL.
            long deadline = System.nanoTime() + AppDirectory.DEFAULT_TTL.plusSeconds(3).toNanos();
            HttpResponse<String> old = deckFor(http, publishable, oldToken);
            while (old.statusCode() == 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                old = deckFor(http, publishable, oldToken);
            }
            assertEquals(401, old.statusCode(), "a token of the replaced secret is refused: " + old.body());
            assertTrue(old.body().contains("invalid-rater-token") && old.body().contains("signing secret"), old.body());
            assertEquals(200, deckFor(http, publishable, newToken).statusCode(), "the new secret's token works");
            assertEquals(200, http.get("/v1/stats", created.get("secretKey").getAsString()).statusCode(),
                    "the keys are not touched");
        }
    }

    @Test
    void rotatingTheSigningSecretNeedsAnAppThisStorageHolds() {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        HostProcess noApp = HostProcess.launch(dir, List.of("apps", "rotate-signing-secret", "--data",
                dir.resolve("data").toString(), "--plugins-dir", plugins.toString()));
        assertEquals(2, noApp.waitFor(Duration.ofSeconds(30)));
        assertTrue(noApp.stderr().contains("--app is required"), noApp.stderr());

        HostProcess unknown = HostProcess.launch(dir, List.of("apps", "rotate-signing-secret", "--app", "nope",
                "--data", dir.resolve("data").toString(), "--plugins-dir", plugins.toString()));
        assertEquals(2, unknown.waitFor(Duration.ofSeconds(60)), unknown.stderr());
        assertTrue(unknown.stderr().contains("no app 'nope' in this storage"), unknown.stderr());
        assertTrue(unknown.stdout().isEmpty(), "nothing that looks like a secret is printed: " + unknown.stdout());

        HostProcess help = HostProcess.launch(dir, List.of("apps", "rotate-signing-secret", "--help"));
        assertEquals(0, help.waitFor(Duration.ofSeconds(30)));
        assertTrue(help.stdout().contains("Usage: swipeloop apps rotate-signing-secret --app ID"), help.stdout());
        assertTrue(help.stdout().contains("within " + AppDirectory.DEFAULT_TTL.toSeconds() + " seconds"), help.stdout());
    }

    /** Only the id and signing secret matter to a token. */
    private static App signingWith(String appId, String signingSecret) {
        return new App(appId, "", List.of(), null, null, signingSecret, Instant.EPOCH);
    }

    private static HttpResponse<String> deckFor(Http http, String publishable, String token) {
        return http.send(http.request("/v1/deck?rater=alice&limit=1", publishable)
                .header("Origin", "https://rotate.example").header("X-Rater-Token", token).GET());
    }

    @Test
    void helpListsEverySettingWithItsDefault() {
        HostProcess help = HostProcess.launch(dir, List.of("serve", "--help"));
        assertEquals(0, help.waitFor(Duration.ofSeconds(30)));
        String out = help.stdout();
        assertTrue(out.contains("--limits.max-votes-per-batch") && out.contains("SWIPELOOP_LIMITS_MAX_VOTES_PER_BATCH")
                && out.contains("default 500"), out);
    }
}
