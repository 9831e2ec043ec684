package dev.swipeloop.host.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code log.format} is found before any logger exists, where the settings loader would find it. */
class LogFormatTest {
    @TempDir
    Path dir;

    @Test
    void theShortFlagTheLongFlagAndTheConfigFileAreRead() throws Exception {
        assertEquals("json", LogFormat.configured(new String[] {"serve", "--log-format", "json"}));
        assertEquals("json", LogFormat.configured(new String[] {"serve", "--log.format=json", "--port", "0"}));
        Path config = Files.writeString(dir.resolve("host.properties"), "log.format = json\nport=0\n");
        assertEquals("json", LogFormat.configured(new String[] {"export", "--config", config.toString()}));
        assertEquals("text", LogFormat.configured(new String[] {"serve", "--config", config.toString(),
                "--log-format", "text"}), "a flag wins over the file");
    }

    @Test
    void nothingGivenOrAnUnreadableConfigLeavesTheDefault() {
        if (System.getenv("SWIPELOOP_LOG_FORMAT") == null && System.getenv("SWIPELOOP_CONFIG") == null) {
            assertNull(LogFormat.configured(new String[] {"serve", "--port", "0"}));
        }
        assertNull(LogFormat.configured(new String[] {"serve", "--config", dir.resolve("missing").toString()}));
    }
}
