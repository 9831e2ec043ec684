package dev.swipeloop.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.HostProcess;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestPluginJar;
import dev.swipeloop.host.testing.plugins.ContextRecordingPlugin;
import dev.swipeloop.host.testing.plugins.ExplodingRewardPolicy;
import dev.swipeloop.host.testing.plugins.PickyExportFormat;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real host loading the real built plugin archives, and plugins that fail. */
class PluginLoadingIT {
    @TempDir
    Path dir;

    @Test
    void healthReportsTheBundledSqlitePluginStarted() {
        try (TestHost host = TestHost.start(dir)) {
            HttpResponse<String> res = host.http().get("/health", null);
            assertEquals(200, res.statusCode());
            JsonObject health = JsonParser.parseString(res.body()).getAsJsonObject();
            assertEquals("ok", health.get("status").getAsString());
            assertEquals("sqlite", health.getAsJsonObject("storage").get("id").getAsString());
            assertEquals("STARTED", health.getAsJsonObject("storage").get("state").getAsString());
            JsonObject sqlite = plugin(health, "storage-sqlite");
            assertEquals("STARTED", sqlite.get("state").getAsString());
            assertEquals("0.1.0", sqlite.get("version").getAsString());
            assertTrue(sqlite.getAsJsonArray("extensions").toString().contains("\"sqlite\""), sqlite.toString());
        }
    }

    @Test
    void failingNonStoragePluginsAreReportedAndTheHostServesOn() {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        TestPluginJar.write(plugins, "exploding-rewards", ContextRecordingPlugin.class, List.of(ExplodingRewardPolicy.class));
        TestPluginJar.write(plugins, "picky-export", null, List.of(PickyExportFormat.class));

        try (TestHost host = TestHost.start(dir, Map.of("pluginsDir", plugins.toString(), "plugin.picky.maxRows", "-5"))) {
            JsonObject health = JsonParser.parseString(host.http().get("/health", null).body()).getAsJsonObject();
            JsonObject exploding = plugin(health, "exploding-rewards");
            assertEquals("FAILED", exploding.get("state").getAsString());
            assertTrue(exploding.get("reason").getAsString().contains("rewards service unreachable"), exploding.toString());

            JsonObject picky = plugin(health, "picky-export");
            assertEquals("FAILED", picky.get("state").getAsString());
            String reason = picky.get("reason").getAsString();
            assertTrue(reason.contains("plugin.picky.bucket") && reason.contains("required"), reason);
            assertTrue(reason.contains("plugin.picky.maxRows") && reason.contains("between 1 and 1000"), "every error at once: " + reason);

            assertEquals("STARTED", plugin(health, "storage-sqlite").get("state").getAsString());
            assertTrue(host.host().plugins().rewardPolicies().stream().noneMatch(p -> p.id().equals("exploding")),
                    "a failed policy is not offered");
            assertEquals(3, host.host().plugins().rewardPolicies().size(), "the bundled ones are");
            assertTrue(host.host().plugins().exportFormat("picky").isEmpty(), "a failed format is not offered");
            assertTrue(host.host().plugins().exportFormat("jsonl").isPresent(), "the others are");

            // …and the host still takes votes.
            TestHost.TestApp app = host.createApp("still-serving");
            assertEquals(200, host.http().post("/v1/items", app.secretKey(), null,
                    "{\"items\":[{\"id\":\"i1\",\"imageUrl\":\"https://img.example/1.png\"}]}").statusCode());
            HttpResponse<String> vote = host.http().post("/v1/votes", app.publishableKey(), TestHost.ORIGIN,
                    "{\"votes\":[{\"id\":\"0190a8c0-0000-7000-8000-000000000001\",\"rater\":\"r1\",\"kind\":\"binary\","
                            + "\"item\":\"i1\",\"verdict\":\"like\"}]}");
            assertEquals(202, vote.statusCode(), vote.body());
        }
    }

    @Test
    void thePluginFactoryHandsPluginClassesTheirContext() {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        TestPluginJar.write(plugins, "context-recorder", ContextRecordingPlugin.class, List.of(ExplodingRewardPolicy.class));
        System.clearProperty(ContextRecordingPlugin.PROPERTY);
        try (TestHost host = TestHost.start(dir, Map.of("pluginsDir", plugins.toString()))) {
            String recorded = System.getProperty(ContextRecordingPlugin.PROPERTY);
            assertNotNull(recorded, "the plugin class was not constructed with a PluginContext");
            String[] parts = recorded.split("\\|");
            assertEquals("context-recorder", parts[0]);
            assertEquals(dir.resolve("data").toAbsolutePath().normalize().toString(), parts[1]);
            assertEquals(HostVersion.get(), parts[2]);
        }
    }

    @Test
    void developmentModeLoadsPluginsStraightFromTheirModules() {
        // The repository's plugins/ folder: each module's target/classes and target/lib, no zip.
        Path modules = Path.of("..", "plugins").toAbsolutePath().normalize();
        try (HostProcess dev = HostProcess.launch(dir.resolve("logs"), List.of("-Dpf4j.mode=development"),
                List.of("serve", "--port", "0", "--bind", "127.0.0.1", "--data", dir.resolve("data").toString(),
                        "--plugins-dir", modules.toString()))) {
            int port = dev.awaitReady(Duration.ofSeconds(60));
            JsonObject health = JsonParser.parseString(new dev.swipeloop.host.testing.Http("http://127.0.0.1:" + port)
                    .get("/health", null).body()).getAsJsonObject();
            List<String> ids = new java.util.ArrayList<>();
            for (var plugin : health.getAsJsonArray("plugins")) {
                assertEquals("STARTED", plugin.getAsJsonObject().get("state").getAsString(), plugin.toString());
                ids.add(plugin.getAsJsonObject().get("id").getAsString());
            }
            assertEquals(java.util.Set.of("storage-sqlite", "storage-postgres", "export-text", "export-pickapic",
                    "export-imagefolder", "reward-policies"), java.util.Set.copyOf(ids),
                    "every module with a plugin.properties, and nothing else: " + health);
            assertEquals(6, ids.size());
        }
    }

    @Test
    void aStorageFailureStopsStartUpWithOneLineNamingTheSetting() {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        HostProcess p = HostProcess.launch(dir.resolve("logs"), List.of("serve", "--port", "0",
                "--data", dir.resolve("data").toString(), "--plugins-dir", plugins.toString(),
                "--plugin.sqlite.path", "/proc/swipeloop-cannot-write-here/votes.db"));
        assertEquals(1, p.waitFor(Duration.ofSeconds(60)));
        String reason = lastLine(p.stderr());
        assertTrue(reason.startsWith("swipeloop: storage 'sqlite' failed to start"), p.stderr());
        assertTrue(reason.contains("plugin.sqlite.path"), reason);
        assertFalse(p.stderr().contains("\tat "), "no stack trace for an operator error:\n" + p.stderr());
    }

    @Test
    void aPortInUseIsOneLineNamingTheSettingAndLeavesNothingRunning() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
            HostProcess p = HostProcess.launch(dir.resolve("logs"), List.of("serve", "--port", String.valueOf(taken.getLocalPort()),
                    "--bind", "127.0.0.1", "--data", dir.resolve("data").toString(), "--plugins-dir", plugins.toString()));
            assertEquals(1, p.waitFor(Duration.ofSeconds(60)), "the process exits: no thread is left behind\n" + p.stderr());
            String reason = lastLine(p.stderr());
            assertTrue(reason.startsWith("swipeloop: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    && reason.contains("--port"), p.stderr());

            // In-process, as an embedder or a test would run it: nothing keeps running.
            StartupException e = org.junit.jupiter.api.Assertions.assertThrows(StartupException.class,
                    () -> TestHost.start(dir.resolve("in-process"), Map.of("port", String.valueOf(taken.getLocalPort()))));
            assertTrue(e.getMessage().contains("--port"), e.getMessage());
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.isAlive() && t.getName().startsWith("swipeloop-")), "threads left after a failed start");
        }
    }

    @Test
    void anUnknownStorageIdNamesTheSettingAndWhatIsInstalled() {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        HostProcess p = HostProcess.launch(dir.resolve("logs"), List.of("serve", "--port", "0",
                "--data", dir.resolve("data").toString(), "--plugins-dir", plugins.toString(), "--storage", "cassandra"));
        assertEquals(1, p.waitFor(Duration.ofSeconds(60)));
        String reason = lastLine(p.stderr());
        assertTrue(reason.contains("no storage backend 'cassandra'") && reason.contains("found: postgres, sqlite")
                && reason.contains("--storage"), reason);
    }

    private static JsonObject plugin(JsonObject health, String id) {
        JsonArray plugins = health.getAsJsonArray("plugins");
        for (JsonElement e : plugins) {
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("plugin " + id + " not in /health: " + health);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
