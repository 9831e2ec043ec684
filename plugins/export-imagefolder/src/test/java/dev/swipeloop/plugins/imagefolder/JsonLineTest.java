package dev.swipeloop.plugins.imagefolder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Escaping, checked by reading the line back with DuckDB rather than by comparing our own text. */
class JsonLineTest {
    @TempDir
    Path dir;

    @Test
    void anyPromptSurvivesTheRoundTrip() throws Exception {
        String prompt = "say \"cheese\" \\ back\\slash\ttab\r\nnew line \u0001\u001f bell\u0007 — 狐 🦊 </script>";
        Path file = write(new JsonLine().string("caption", prompt).number("label", 1));

        assertEquals(List.of(List.of(prompt, 1L)), DuckDb.rows(file));
        assertEquals(1, Files.readAllLines(file, StandardCharsets.UTF_8).size(), "one row, one line");
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacter() throws Exception {
        Path file = write(new JsonLine().string("caption", "broken \ud83e pair"));

        assertEquals(List.of(List.of("broken \ufffd pair")), DuckDb.rows(file));
    }

    private Path write(JsonLine line) throws Exception {
        return Files.writeString(dir.resolve("metadata.jsonl"), line + "\n", StandardCharsets.UTF_8);
    }
}
