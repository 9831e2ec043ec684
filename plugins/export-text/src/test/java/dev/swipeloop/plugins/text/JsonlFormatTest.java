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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlFormatTest {
    private static final String ITEM = "STRUCT(id VARCHAR, imageUrl VARCHAR, prompt VARCHAR, negativePrompt VARCHAR, "
            + "model VARCHAR, modelVersion VARCHAR, seed BIGINT, params STRUCT(sampler VARCHAR, steps BIGINT, cfg DOUBLE), "
            + "\"group\" VARCHAR, gold VARCHAR)";
    private static final List<String> KEYS = List.of("seq", "id", "kind", "verdict", "choice", "derived", "split",
            "rater", "raterFlags", "session", "dwellMs", "clientTs", "receivedAt", "item", "left", "right");
    private static final List<String> ITEM_KEYS = List.of("id", "imageUrl", "prompt", "negativePrompt", "model",
            "modelVersion", "seed", "params", "group", "gold");

    @TempDir
    Path dir;

    private Path export(List<ExportRow> rows) throws Exception {
        Path file = dir.resolve("votes.jsonl");
        Exports.run(new JsonlFormat(), rows, Map.of(), file);
        return file;
    }

    private static String read(Path file) {
        return "read_json(" + sql(file) + ", format='newline_delimited')";
    }

    @Test
    void readersInferOneSchemaWithTheseColumnsAndTypes() throws Exception {
        Path file = export(TextFixtures.ALL);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("seq", "BIGINT");
        expected.put("id", "UUID");
        expected.put("kind", "VARCHAR");
        expected.put("verdict", "VARCHAR");
        expected.put("choice", "VARCHAR");
        expected.put("derived", "BOOLEAN");
        expected.put("split", "VARCHAR");
        expected.put("rater", "VARCHAR");
        expected.put("raterFlags", "VARCHAR[]");
        expected.put("session", "VARCHAR");
        expected.put("dwellMs", "BIGINT");
        expected.put("clientTs", "TIMESTAMP WITH TIME ZONE");
        expected.put("receivedAt", "TIMESTAMP WITH TIME ZONE");
        expected.put("item", ITEM);
        expected.put("left", ITEM);
        expected.put("right", ITEM);
        try (DuckDb db = new DuckDb()) {
            assertEquals(expected, db.describe("SELECT * FROM " + read(file)));
        }
    }

    @Test
    void everyLineHasEveryKeyInOrderNullWhenAbsent() throws Exception {
        Path file = export(TextFixtures.ALL);
        try (DuckDb db = new DuckDb()) {
            List<List<Object>> keys = db.rows("SELECT CAST(json_keys(json) AS VARCHAR), "
                    + "CAST(json_keys(json, '$.item') AS VARCHAR), CAST(json_keys(json, '$.left') AS VARCHAR) "
                    + "FROM read_json_objects(" + sql(file) + ", format='newline_delimited')");
            assertEquals(7, keys.size());
            for (List<Object> line : keys) {
                assertEquals(KEYS.toString(), line.get(0));
            }
            assertEquals(ITEM_KEYS.toString(), keys.get(0).get(1), "a binary vote has an item");
            assertEquals("[]", keys.get(0).get(2), "and left is null");
            assertEquals(ITEM_KEYS.toString(), keys.get(2).get(2), "a pair has a left");
            assertEquals("[]", keys.get(2).get(1), "and item is null");
            assertEquals(List.of(List.of(4L)), db.rows("SELECT count(*) FROM " + read(file)
                    + " WHERE verdict IS NULL AND choice IS NOT NULL AND session IS NULL AND clientTs IS NULL"));
        }
    }

    @Test
    void aBinaryVoteCarriesItsItemAndProvenanceExactly() throws Exception {
        Path file = export(TextFixtures.ALL);
        var vote = TextFixtures.LIKE.vote();
        try (DuckDb db = new DuckDb()) {
            List<Object> row = db.rows("SELECT seq, CAST(id AS VARCHAR), kind, verdict, choice, derived, split, rater, "
                    + "session, dwellMs, epoch_us(clientTs), epoch_us(receivedAt), item.id, item.imageUrl, "
                    + "item.prompt, item.negativePrompt, item.model, item.modelVersion, item.seed, item.params.sampler, "
                    + "item.params.steps, item.params.cfg, item.\"group\", item.gold FROM " + read(file)
                    + " WHERE seq = 1").get(0);
            assertEquals(Arrays.asList(1L, vote.id().toString(), "binary", "like", null, false, "train", vote.rater(),
                    "session-alice", 501L, micros(vote.clientTs()), micros(vote.receivedAt()), "a",
                    "https://cdn.example/a.png", TextFixtures.A.provenance().prompt(), "blurry, watermark", "sdxl",
                    "sdxl-v1", TextFixtures.A.provenance().seed(), "dpmpp_2m", 30L, 7.5, "g1", null), row);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"receivedAt\":\"" + vote.receivedAt() + "\""),
                "times are spelled as Instant.toString does, microseconds kept: " + vote.receivedAt());
        assertTrue(text.contains("\"prompt\":\"a \\\"red\\\" fox, in snow\\nstudio light — g1\""), text);
        assertEquals(7, text.lines().count(), "the prompt's newline is escaped, not a line break");
    }

    @Test
    void aGoldItemWithoutProvenanceHasNullsAndItsGoldAnswer() throws Exception {
        Path file = export(TextFixtures.ALL);
        try (DuckDb db = new DuckDb()) {
            assertEquals(Arrays.asList("gold-1", null, null, null, null, null, "dislike"),
                    db.rows("SELECT item.id, item.prompt, item.model, item.seed, item.params, item.\"group\", item.gold "
                            + "FROM " + read(file) + " WHERE seq = 2").get(0));
        }
    }

    @Test
    void pairsKeepTheOrderShownAndDerivedPairsSaySo() throws Exception {
        Path file = export(TextFixtures.ALL);
        try (DuckDb db = new DuckDb()) {
            assertEquals(List.of(
                            Arrays.asList(3L, "pair", "right", "a", "b", false),
                            Arrays.asList(4L, "pair", "tie", "b", "gold-1", false),
                            Arrays.asList(6L, "pair", "left", "b", "a", true),
                            Arrays.asList(7L, "pair", "skip", "gold-1", "a", false)),
                    db.rows("SELECT seq, kind, choice, \"left\".id, \"right\".id, derived FROM " + read(file)
                            + " WHERE item IS NULL ORDER BY seq"));
        }
    }

    @Test
    void flagsAndSplitsArePassedThrough() throws Exception {
        Path file = export(TextFixtures.ALL);
        try (DuckDb db = new DuckDb()) {
            assertEquals(Arrays.asList("test", "skip", List.of("fast", "gold-miss")),
                    db.rows("SELECT split, verdict, raterFlags FROM " + read(file) + " WHERE seq = 5").get(0)
                            .stream().map(JsonlFormatTest::plain).toList());
        }
    }

    @Test
    void everyRowIsWrittenAndCountedByItsVerdictOrChoice() throws Exception {
        RecordingExportJob job = Exports.run(new JsonlFormat(), TextFixtures.ALL, Map.of(), dir.resolve("v.jsonl"));
        assertEquals(Map.of("train/like", 1L, "train/dislike", 1L, "train/right", 1L, "train/tie", 1L,
                "test/skip", 1L, "train/left", 1L, "train/skip", 1L), job.writtenCounts());
        assertEquals(Map.of(), job.skippedCounts());
        assertEquals(1, job.passes());
    }

    @Test
    void anyTextSurvivesTheRoundTrip() throws Exception {
        String prompt = "ctl \u0001\u001f tab\t cr\r back\\slash \"q\" emoji 😀 sep\u2028 é 日本 \u007f";
        ExportRow row = binary(1, "alice", TextFixtures.withPrompt(TextFixtures.A, prompt), Verdict.LIKE);
        Path file = export(List.of(row));
        try (DuckDb db = new DuckDb()) {
            assertEquals(prompt, db.value("SELECT item.prompt FROM " + read(file)));
        }
        assertEquals(1, Files.readString(file).split("\n", -1).length - 1, "one line, ended by LF");
    }

    @Test
    void paramsAreEmbeddedOnOneLineAndNonObjectsBecomeNull() throws Exception {
        ExportRow pretty = binary(1, "alice", TextFixtures.withParams(TextFixtures.A, "\n{\r\n  \"steps\": 4,\n  "
                + "\"loras\": [\"x\", {\"w\": -0.5e1}]\n}\n"), Verdict.LIKE);
        ExportRow broken = binary(2, "bob", TextFixtures.withParams(TextFixtures.B, "{\"steps\": 4"), Verdict.LIKE);
        ExportRow array = binary(3, "bob", TextFixtures.withParams(TextFixtures.B, "[1, 2]"), Verdict.LIKE);
        Path file = export(List.of(pretty, broken, array));
        assertEquals(3, Files.readAllLines(file).size());
        try (DuckDb db = new DuckDb()) {
            assertEquals(List.of(Arrays.asList(1L, "OBJECT", "4"), Arrays.asList(2L, "NULL", null),
                            Arrays.asList(3L, "NULL", null)),
                    db.rows("SELECT CAST(json->>'$.seq' AS BIGINT), json_type(json, '$.item.params'), "
                            + "json->>'$.item.params.steps' "
                            + "FROM read_json_objects(" + sql(file) + ", format='newline_delimited') ORDER BY 1"));
        }
        assertTrue(Files.readString(file).contains("\"params\":{    \"steps\": 4,   \"loras\": [\"x\", {\"w\": -0.5e1}] },"),
                "embedded as written, line breaks as spaces");
    }

    @Test
    void noRowsIsAnEmptyFile() throws Exception {
        assertEquals(0, Files.size(export(List.of())));
    }

    private static long micros(java.time.Instant instant) {
        return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, instant);
    }

    /** DuckDB's JDBC arrays as lists, other values as they are. */
    private static Object plain(Object value) {
        try {
            return value instanceof java.sql.Array array ? Arrays.asList((Object[]) array.getArray()) : value;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
