package dev.swipeloop.host.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyTest {
    @TempDir
    Path data;

    @Test
    void aKeyIsMadeOnceAndKept() throws Exception {
        byte[] first = PseudonymKey.load(null, data);
        assertEquals(32, first.length);
        assertArrayEquals(first, PseudonymKey.load("", data), "read back, not made again");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(PseudonymKey.FILE_NAME))));
    }

    @Test
    void anotherHostGivenTheKeyFilesContentMakesTheSamePseudonyms() throws Exception {
        byte[] fromFile = PseudonymKey.load(null, data);
        String copied = Files.readString(data.resolve(PseudonymKey.FILE_NAME)).trim();
        byte[] fromSetting = PseudonymKey.load(copied, data.resolve("elsewhere"));
        assertEquals(new RaterPseudonyms(fromFile, "app").of("ann"), new RaterPseudonyms(fromSetting, "app").of("ann"));
        assertNotEquals(new RaterPseudonyms(fromFile, "app").of("ann"), new RaterPseudonyms(fromFile, "other").of("ann"),
                "apps do not share pseudonyms");
    }

    @Test
    void shortKeysAreRefused() {
        assertNotNull(PseudonymKey.problem("hunter2"));
        assertNull(PseudonymKey.problem("a sentence of at least thirty-two bytes"));
        assertThrows(IllegalArgumentException.class, () -> PseudonymKey.load("hunter2", data));
    }
}
