package dev.swipeloop.plugins.text;

import static dev.swipeloop.plugins.text.Exports.sql;
import static dev.swipeloop.sdk.export.ExportFixtures.binary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFormatTest {
    @TempDir
    Path dir;

    private Path export(List<ExportRow> rows) throws Exception {
        Path file = dir.resolve("votes.csv");
        Exports.run(new CsvFormat(), rows, Map.of(), file);
        return file;
    }

    private static String read(Path file) {
        return "read_csv(" + sql(file) + ")";
    }

    @Test
    void readersSeeTheseColumnsAndTypes() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("seq", "BIGINT");
        expected.put("id", "VARCHAR");
        expected.put("kind", "VARCHAR");
        expected.put("verdict", "VARCHAR");
        expected.put("choice", "VARCHAR");
        expected.put("derived", "BOOLEAN");
        expected.put("split", "VARCHAR");
        expected.put("rater", "VARCHAR");
        expected.put("rater_flags", "VARCHAR");
        expected.put("session", "VARCHAR");
        expected.put("dwell_ms", "BIGINT");
        expected.put("client_ts", "TIMESTAMP WITH TIME ZONE");
        expected.put("received_at", "TIMESTAMP WITH TIME ZONE");
        for (String prefix : List.of("item", "left", "right")) {
            for (String column : List.of("id", "image_url", "prompt", "negative_prompt", "model", "model_version")) {
                expected.put(prefix + "_" + column, "VARCHAR");
            }
            expected.put(prefix + "_seed", "BIGINT");
            expected.put(prefix + "_params", "VARCHAR");
            expected.put(prefix + "_group", "VARCHAR");
            expected.put(prefix + "_gold", "VARCHAR");
        }
        try (DuckDb db = new DuckDb()) {
            assertEquals(expected, db.describe("SELECT * FROM " + read(export(TextFixtures.ALL))));
        }
    }

    @Test
    void quotedFieldsComeBackExactly() throws Exception {
        Path file = export(TextFixtures.ALL);
        var vote = TextFixtures.LIKE.vote();
        try (DuckDb db = new DuckDb()) {
            List<Object> row = db.rows("SELECT seq, id, kind, verdict, choice, derived, split, rater, rater_flags, "
                    + "session, dwell_ms, epoch_us(client_ts), epoch_us(received_at), item_id, item_image_url, "
                    + "item_prompt, item_negative_prompt, item_model, item_model_version, item_seed, "
                    + "json_extract(item_params, '$.steps')::INT, item_group, item_gold, left_id, right_prompt FROM "
                    + read(file) + " WHERE seq = 1").get(0);
            assertEquals(Arrays.asList(1L, vote.id().toString(), "binary", "like", null, false, "train", vote.rater(),
                    null, "session-alice", 501L, micros(vote.clientTs()), micros(vote.receivedAt()), "a",
                    "https://cdn.example/a.png", TextFixtures.A.provenance().prompt(), "blurry, watermark", "sdxl",
                    "sdxl-v1", TextFixtures.A.provenance().seed(), 30, "g1", null, null, null), row);
        }
    }

    @Test
    void pairsFillTheLeftAndRightColumnsInTheOrderShown() throws Exception {
        Path file = export(TextFixtures.ALL);
        try (DuckDb db = new DuckDb()) {
            assertEquals(List.of(
                            Arrays.asList(3L, "right", "a", "b", null, false),
                            Arrays.asList(4L, "tie", "b", "gold-1", "dislike", false),
                            Arrays.asList(6L, "left", "b", "a", null, true),
                            Arrays.asList(7L, "skip", "gold-1", "a", null, false)),
                    db.rows("SELECT seq, choice, left_id, right_id, right_gold, derived FROM " + read(file)
                            + " WHERE kind = 'pair' AND item_id IS NULL AND verdict IS NULL ORDER BY seq"));
        }
    }

    @Test
    void flagsAreJoinedWithSemicolons() throws Exception {
        Path file = export(TextFixtures.ALL);
        try (DuckDb db = new DuckDb()) {
            assertEquals(Arrays.asList("test", "fast;gold-miss"),
                    db.rows("SELECT split, rater_flags FROM " + read(file) + " WHERE seq = 5").get(0));
        }
    }

    @Test
    void anEmptyStringIsQuotedSoAReaderCanTellItFromNull() throws Exception {
        ExportRow empty = binary(1, "alice", TextFixtures.withPrompt(TextFixtures.A, ""), Verdict.LIKE);
        ExportRow bare = binary(2, "bob", TextFixtures.GOLD, Verdict.LIKE);
        Path file = export(List.of(empty, bare));
        try (DuckDb db = new DuckDb()) {
            assertEquals(List.of(Arrays.asList(1L, ""), Arrays.asList(2L, null)), db.rows("SELECT seq, item_prompt FROM "
                    + "read_csv(" + sql(file) + ", allow_quoted_nulls = false) ORDER BY seq"));
        }
    }

    @Test
    void anyTextSurvivesTheRoundTrip() throws Exception {
        String prompt = "\"lead quote, comma\r\nCRLF inside\ttab 😀 日本 é \u0001 trailing quote\"";
        Path file = export(List.of(binary(1, "alice", TextFixtures.withPrompt(TextFixtures.A, prompt), Verdict.LIKE)));
        try (DuckDb db = new DuckDb()) {
            assertEquals(prompt, db.value("SELECT item_prompt FROM " + read(file)));
        }
    }

    @Test
    void recordsEndInCrLfAfterTheHeader() throws Exception {
        String text = Files.readString(export(List.of(TextFixtures.LIKE)), StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", VoteCsvRecord.COLUMNS) + "\r\n"), text);
        assertTrue(text.endsWith(",,,,,,,,,,,,,,,,,,,,\r\n"), "twenty empty left/right fields, then CRLF: " + text);
        assertTrue(text.contains("\"a \"\"red\"\" fox, in snow\nstudio light — g1\""),
                "the prompt is quoted, its quotes doubled, its newline kept: " + text);
    }

    @Test
    void everyRowIsWrittenAndCountedByItsVerdictOrChoice() throws Exception {
        RecordingExportJob job = Exports.run(new CsvFormat(), TextFixtures.ALL, Map.of(), dir.resolve("v.csv"));
        assertEquals(Map.of("train/like", 1L, "train/dislike", 1L, "train/right", 1L, "train/tie", 1L,
                "test/skip", 1L, "train/left", 1L, "train/skip", 1L), job.writtenCounts());
        assertEquals(Map.of(), job.skippedCounts());
    }

    @Test
    void noRowsIsTheHeaderAlone() throws Exception {
        Path file = export(List.of());
        assertEquals(String.join(",", VoteCsvRecord.COLUMNS) + "\r\n", Files.readString(file));
        assertEquals(43, VoteCsvRecord.COLUMNS.size());
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
