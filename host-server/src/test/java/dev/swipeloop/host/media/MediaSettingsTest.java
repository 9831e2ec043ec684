package dev.swipeloop.host.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.StartupException;
import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.sdk.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media.* and export.fetchMedia.* settings: the defaults the docs promise, and errors that name the setting. */
class MediaSettingsTest {
    @TempDir
    Path dir;

    HostSettings settings(Map<String, String> given) {
        return HostSettings.from(HostSettings.SPEC.parse(given));
    }

    @Test
    void defaultsKeepMediaUnderTheDataDirectoryAndFetchNothing() {
        HostSettings s = settings(Map.of("data", dir.toString()));
        assertEquals(dir.resolve("media"), s.mediaDir());
        assertEquals(10_485_760L, s.mediaMaxBytes());
        assertEquals(List.of(), s.fetchMediaAllowedHosts());
        assertEquals(10_000, s.fetchMediaTimeoutMillis());
    }

    @Test
    void givenValuesAreParsed() {
        HostSettings s = settings(Map.of("media.dir", dir.resolve("shared").toString(), "media.maxBytes", "2048",
                "export.fetchMedia.allowedHosts", " img.example.com, cdn.example.org ,",
                "export.fetchMedia.timeoutMillis", "2500"));
        assertEquals(dir.resolve("shared"), s.mediaDir());
        assertEquals(2048, s.mediaMaxBytes());
        assertEquals(List.of("img.example.com", "cdn.example.org"), s.fetchMediaAllowedHosts());
        assertEquals(2500, s.fetchMediaTimeoutMillis());
    }

    @Test
    void badValuesAreReportedTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("media.maxBytes", "12",
                "export.fetchMedia.timeoutMillis", "soon")));
        assertTrue(e.getMessage().contains("media.maxBytes") && e.getMessage().contains("export.fetchMedia.timeoutMillis"),
                e.getMessage());
    }

    @Test
    void aMediaDirectoryThatCannotBeMadeStopsStartUpNamingTheSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        HostSettings s = settings(Map.of("media.dir", file.resolve("media").toString()));
        StartupException e = assertThrows(StartupException.class, () -> MediaStore.open(s));
        assertTrue(e.getMessage().contains("media.dir (--media.dir, SWIPELOOP_MEDIA_DIR)"), e.getMessage());
    }
}
