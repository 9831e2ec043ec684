package dev.swipeloop.host.http;

import static dev.swipeloop.host.http.HttpApiIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.swipeloop.host.testing.AdminClient;
import dev.swipeloop.host.testing.TestHost;
import dev.swipeloop.host.testing.TestHost.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugins page against the real bundled plugins: states, settings in force, refused settings, secrets masked. */
class AdminPluginsIT {
    static final String PASSWORD = "hunter2-never-shown";
    static final String URL_PASSWORD = "hunter3-never-shown";

    @TempDir
    Path dir;
    TestHost host;
    TestApp app;

    @BeforeEach
    void start() {
        host = TestHost.start(dir, Map.of(
                "plugin.sqlite.cacheSizeMb", "32",
                "plugin.postgres.password", PASSWORD,
                "plugin.postgres.jdbcUrl", "jdbc:postgresql://db.example/x?user=u&password=" + URL_PASSWORD,
                "plugin.pickapic.rowGroupBytes", "lots"));
        app = host.createApp("shop");
    }

    @AfterEach
    void stop() {
        host.close();
    }

    /** The plugin that brings the extension with this id. */
    static JsonObject pluginWith(JsonObject body, String extension) {
        for (JsonElement plugin : body.getAsJsonArray("plugins")) {
            for (JsonElement e : plugin.getAsJsonObject().getAsJsonArray("extensions")) {
                if (e.getAsJsonObject().get("id").getAsString().equals(extension)) {
                    return plugin.getAsJsonObject();
                }
            }
        }
        throw new AssertionError("no plugin brings " + extension + ": " + body);
    }

    static JsonObject setting(JsonObject plugin, String key) {
        for (JsonElement setting : plugin.getAsJsonArray("settings")) {
            if (setting.getAsJsonObject().get("key").getAsString().equals(key)) {
                return setting.getAsJsonObject();
            }
        }
        throw new AssertionError("no setting " + key + " in " + plugin);
    }

    @Test
    void everyPluginWithItsStateSettingsAndErrorsSecretsMasked() {
        HttpResponse<String> res = AdminClient.signIn(host.http(), app.secretKey()).get("/v1/admin/plugins");
        assertEquals(200, res.statusCode(), res.body());
        assertFalse(res.body().contains(PASSWORD), "a secret setting is never shown");
        assertFalse(res.body().contains(URL_PASSWORD), "nor a password inside a URL");
        JsonObject body = json(res);
        assertEquals("sqlite", body.get("storage").getAsString());
        assertEquals(6, body.getAsJsonArray("plugins").size(), body.toString());

        JsonObject sqlite = pluginWith(body, "sqlite");
        assertEquals("STARTED", sqlite.get("state").getAsString());
        assertEquals("0.1.0", sqlite.get("version").getAsString());
        assertTrue(sqlite.get("error").isJsonNull());
        assertEquals(0, sqlite.getAsJsonArray("configErrors").size());
        JsonObject cache = setting(sqlite, "plugin.sqlite.cacheSizeMb");
        assertEquals("32", cache.get("value").getAsString());
        assertEquals("16", cache.get("default").getAsString());
        assertTrue(cache.get("set").getAsBoolean());
        assertFalse(cache.get("secret").getAsBoolean());
        assertFalse(cache.get("doc").getAsString().isEmpty());
        JsonObject readers = setting(sqlite, "plugin.sqlite.readConnections");
        assertEquals("4", readers.get("value").getAsString(), "a default in force");
        assertFalse(readers.get("set").getAsBoolean());

        JsonObject postgres = pluginWith(body, "postgres");
        JsonObject extension = postgres.getAsJsonArray("extensions").get(0).getAsJsonObject();
        assertEquals("storage", extension.get("kind").getAsString());
        assertFalse(extension.get("inUse").getAsBoolean());
        JsonObject password = setting(postgres, "plugin.postgres.password");
        assertEquals("••••", password.get("value").getAsString());
        assertTrue(password.get("secret").getAsBoolean());
        assertEquals("jdbc:postgresql://db.example/x?user=u&password=••••",
                setting(postgres, "plugin.postgres.jdbcUrl").get("value").getAsString());
        assertTrue(setting(postgres, "plugin.postgres.user").get("value").isJsonNull(), "no value, no default");

        JsonObject pickapic = pluginWith(body, "pickapic");
        assertEquals("FAILED", pickapic.get("state").getAsString());
        assertTrue(pickapic.get("error").getAsString().contains("plugin.pickapic.rowGroupBytes"), pickapic.toString());
        JsonObject refused = pickapic.getAsJsonArray("configErrors").get(0).getAsJsonObject();
        assertEquals("plugin.pickapic.rowGroupBytes", refused.get("key").getAsString());
        assertTrue(refused.get("message").getAsString().contains("whole number"), refused.toString());
        assertEquals("lots", setting(pickapic, "plugin.pickapic.rowGroupBytes").get("value").getAsString());
        assertEquals("STARTED", pluginWith(body, "points").get("state").getAsString());

        JsonObject jsonl = pluginWith(body, "jsonl");
        assertEquals("export", jsonl.getAsJsonArray("extensions").asList().stream()
                .filter(e -> e.getAsJsonObject().get("id").getAsString().equals("jsonl")).findFirst().orElseThrow()
                .getAsJsonObject().get("kind").getAsString());
        assertNotNull(pluginWith(body, "imagefolder"));
        assertEquals(200, host.http().get("/v1/admin/plugins", app.secretKey()).statusCode(), "the secret key reads it too");
        HttpApiIT.problem(host.http().get("/v1/admin/plugins", null), 401, "invalid-key");
    }
}
