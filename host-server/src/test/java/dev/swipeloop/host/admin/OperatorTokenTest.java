package dev.swipeloop.host.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.sdk.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorTokenTest {
    @TempDir
    Path data;

    @Test
    void withoutTheSettingATokenIsMadeOnceAndKeptForItsOwnerOnly() throws Exception {
        String token = OperatorToken.resolve(null, data);
        assertTrue(token.matches("[0-9A-Za-z]{43}"), token);
        Path file = data.resolve(OperatorToken.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(token, OperatorToken.resolve(" ", data), "the next start reads the same token");
        try (var files = Files.list(data)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        assertNotEquals(token, OperatorToken.resolve(null, Files.createDirectory(data.resolve("other"))));
    }

    @Test
    void theSettingWinsAndMustBeLongEnough() {
        assertEquals("a-token-of-my-own-choosing-0123", OperatorToken.resolve(" a-token-of-my-own-choosing-0123 ", data));
        assertTrue(Files.notExists(data.resolve(OperatorToken.FILE_NAME)));
        ConfigException e = assertThrows(ConfigException.class,
                () -> HostSettings.SPEC.parse(Map.of("admin.operatorToken", "short")));
        assertEquals("admin.operatorToken", e.errors().get(0).key());
        assertTrue(e.getMessage().contains("****"), "the value is not printed: " + e.getMessage());
    }
}
