package dev.swipeloop.plugins.text;

import static dev.swipeloop.plugins.text.Exports.sql;
import static dev.swipeloop.sdk.export.ExportFixtures.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.VoteKind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrlPreferenceFormatTest {
    private static final String A_URL = "https://cdn.example/a.png";
    private static final String B_URL = "https://cdn.example/b.png";
    private static final String PROMPT = TextFixtures.A.provenance().prompt();

    /** What the host would pass: pairs only. A left win, a right win, a tie, a skip. */
    private static final List<ExportRow> PAIRS = List.of(TextFixtures.RIGHT_WON, TextFixtures.TIE,
            TextFixtures.DERIVED_LEFT_WON, TextFixtures.PAIR_SKIP);

    private final TrlPreferenceFormat format = new TrlPreferenceFormat();

    @TempDir
    Path dir;

    private static String read(Path file) {
        return "read_json(" + sql(file) + ", format='newline_delimited')";
    }

    @Test
    void asksForPairsOnly() {
        assertEquals(Set.of(VoteKind.PAIR), format.kinds());
    }

    @Test
    void writesPromptChosenRejectedAsStrings() throws Exception {
        Path file = dir.resolve("pref.jsonl");
        Exports.run(format, PAIRS, Map.of(), file);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("prompt", "VARCHAR");
        expected.put("chosen", "VARCHAR");
        expected.put("rejected", "VARCHAR");
        try (DuckDb db = new DuckDb()) {
            assertEquals(expected, db.describe("SELECT * FROM " + read(file)));
            assertEquals(List.of(
                            Arrays.asList(PROMPT, B_URL, A_URL),
                            Arrays.asList(PROMPT, B_URL, A_URL)),
                    db.rows("SELECT prompt, chosen, rejected FROM " + read(file)),
                    "seq 3: right (b) won over left (a); seq 6: left (b) won over right (a)");
        }
    }

    @Test
    void tiesSkipsAndRowsWithoutPromptOrImageAreCountedOut() throws Exception {
        ExportRow noPrompt = pair(8, "gina", TextFixtures.withPrompt(TextFixtures.A, "  "), TextFixtures.B, Choice.LEFT);
        ExportRow noImage = pair(9, "gina", TextFixtures.A, TextFixtures.withoutImage(TextFixtures.B), Choice.LEFT);
        ExportRow deleted = new ExportRow(pair(10, "gina", TextFixtures.A, TextFixtures.B, Choice.RIGHT).vote(), null,
                TextFixtures.A, null);
        List<ExportRow> rows = new java.util.ArrayList<>(PAIRS);
        rows.addAll(List.of(noPrompt, noImage, deleted));
        RecordingExportJob job = Exports.run(format, rows, Map.of(), dir.resolve("pref.jsonl"));
        assertEquals(Map.of("train/chosen", 2L), job.writtenCounts());
        assertEquals(Map.of("tie", 1L, "skip", 1L, "no prompt", 1L, "no image", 2L), job.skippedCounts());
        assertEquals(List.of(TextFixtures.RIGHT_WON, TextFixtures.DERIVED_LEFT_WON), job.writtenRows());
    }

    @Test
    void theImagesOptionAddsTheChosenAndRejectedImagesAsAList() throws Exception {
        Path file = dir.resolve("pref.jsonl");
        Exports.run(format, PAIRS, Map.of("images", "true"), file);
        try (DuckDb db = new DuckDb()) {
            assertEquals("VARCHAR[]", db.describe("SELECT * FROM " + read(file)).get("images"));
            assertEquals(List.of("prompt", "chosen", "rejected", "images"),
                    List.copyOf(db.describe("SELECT * FROM " + read(file)).keySet()));
            assertEquals(List.of(List.of(true, B_URL, A_URL), List.of(true, B_URL, A_URL)),
                    db.rows("SELECT images = [chosen, rejected], images[1], images[2] FROM " + read(file)));
        }
    }

    @Test
    void theImagesOptionIsABoolean() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> RecordingExportJob.of(format, PAIRS, Map.of("images", "yes")));
        assertEquals("images", error.errors().get(0).key());
    }
}
