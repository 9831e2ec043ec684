package dev.swipeloop.plugins.text;

import static dev.swipeloop.plugins.text.Exports.sql;
import static dev.swipeloop.sdk.export.ExportFixtures.binary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.VoteKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrlUnpairedFormatTest {
    private static final String PROMPT = TextFixtures.A.provenance().prompt();

    /** What the host would pass: binary votes only. A like, a skip, a dislike. */
    private static final List<ExportRow> BINARY = List.of(TextFixtures.LIKE, TextFixtures.FLAGGED_SKIP,
            binary(8, "hana", TextFixtures.B, Verdict.DISLIKE));

    private final TrlUnpairedFormat format = new TrlUnpairedFormat();

    @TempDir
    Path dir;

    private static String read(Path file) {
        return "read_json(" + sql(file) + ", format='newline_delimited')";
    }

    @Test
    void asksForBinaryVotesOnly() {
        assertEquals(Set.of(VoteKind.BINARY), format.kinds());
    }

    @Test
    void writesPromptCompletionAndABooleanLabel() throws Exception {
        Path file = dir.resolve("kto.jsonl");
        Exports.run(format, BINARY, Map.of(), file);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("prompt", "VARCHAR");
        expected.put("completion", "VARCHAR");
        expected.put("label", "BOOLEAN");
        try (DuckDb db = new DuckDb()) {
            assertEquals(expected, db.describe("SELECT * FROM " + read(file)));
            assertEquals(List.of(
                            Arrays.asList(PROMPT, "https://cdn.example/a.png", true),
                            Arrays.asList(TextFixtures.B.provenance().prompt(), "https://cdn.example/b.png", false)),
                    db.rows("SELECT prompt, completion, label FROM " + read(file)));
        }
    }

    @Test
    void skipsAndRowsWithoutPromptOrImageAreCountedOut() throws Exception {
        List<ExportRow> rows = new ArrayList<>(BINARY);
        rows.add(binary(9, "ivan", TextFixtures.GOLD, Verdict.LIKE));
        rows.add(binary(10, "ivan", TextFixtures.withoutImage(TextFixtures.A), Verdict.DISLIKE));
        rows.add(new ExportRow(binary(11, "ivan", TextFixtures.A, Verdict.LIKE).vote(), null, null, null));
        RecordingExportJob job = Exports.run(format, rows, Map.of(), dir.resolve("kto.jsonl"));
        assertEquals(Map.of("train/like", 1L, "train/dislike", 1L), job.writtenCounts(),
                "the like:dislike balance KTO's weights are set from");
        assertEquals(Map.of("skip", 1L, "no prompt", 1L, "no image", 2L), job.skippedCounts());
    }

    @Test
    void theImagesOptionAddsTheImageAsAOneElementList() throws Exception {
        Path file = dir.resolve("kto.jsonl");
        Exports.run(format, BINARY, Map.of("images", "true"), file);
        try (DuckDb db = new DuckDb()) {
            assertEquals(List.of("prompt", "completion", "label", "images"),
                    List.copyOf(db.describe("SELECT * FROM " + read(file)).keySet()));
            assertEquals("VARCHAR[]", db.describe("SELECT * FROM " + read(file)).get("images"));
            assertEquals(List.of(List.of(true), List.of(true)),
                    db.rows("SELECT images = [completion] FROM " + read(file)));
        }
    }
}
