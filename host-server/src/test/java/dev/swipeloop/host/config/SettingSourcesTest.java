package dev.swipeloop.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingSourcesTest {
    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheFile() {
        SettingSources sources = new SettingSources(
                Map.of("port", "1", "data", "/file", "storage", "file-storage"),
                Map.of("SWIPELOOP_PORT", "2", "SWIPELOOP_DATA", "/env"),
                Map.of("port", "3"));
        assertEquals("3", sources.get("port"));
        assertEquals("/env", sources.get("data"));
        assertEquals("file-storage", sources.get("storage"));
        assertNull(sources.get("bind"));
    }

    @Test
    void environmentNamesAndFlagsAreDerivedFromKeys() {
        assertEquals("SWIPELOOP_LIMITS_MAX_BODY_BYTES", SettingSources.envName("limits.maxBodyBytes"));
        assertEquals("SWIPELOOP_PLUGIN_SQLITE_PATH", SettingSources.envName("plugin.sqlite.path"));
        assertEquals("--limits.max-body-bytes", SettingSources.flagName("limits.maxBodyBytes"));
        assertEquals("pluginsDir (--plugins-dir, SWIPELOOP_PLUGINS_DIR)", SettingSources.describe("pluginsDir"));
    }

    @Test
    void pluginSettingsAreFoundInEverySource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("swipeloop.properties");
        Files.writeString(file, "plugin.sqlite.cacheSizeMb = 32\nplugin.sqlite.readConnections=2\nport=9000\n");
        SettingSources sources = SettingSources.load(file, Map.of("plugin.sqlite.readConnections", "8"));
        Map<String, String> sqlite = sources.under("plugin.sqlite.", List.of("path", "readConnections", "cacheSizeMb"));
        assertEquals(Map.of("readConnections", "8", "cacheSizeMb", "32"), sqlite);
        assertEquals("9000", sources.get("port"));

        SettingSources withEnv = new SettingSources(Map.of(), Map.of("SWIPELOOP_PLUGIN_SQLITE_PATH", "/env/x.db"), Map.of());
        assertEquals(Map.of("path", "/env/x.db"), withEnv.under("plugin.sqlite.", List.of("path", "readConnections")));
    }
}
