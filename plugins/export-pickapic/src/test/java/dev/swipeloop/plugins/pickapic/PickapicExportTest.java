package dev.swipeloop.plugins.pickapic;

import static dev.swipeloop.sdk.export.ExportFixtures.item;
import static dev.swipeloop.sdk.export.ExportFixtures.pair;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.export.ExportFixtures;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PickapicExportTest {
    private static final List<String> PICKAPIC_V2_COLUMNS = List.of(
            "are_different BOOLEAN", "best_image_uid VARCHAR", "caption VARCHAR", "created_at TIMESTAMP_NS",
            "has_label BOOLEAN", "image_0_uid VARCHAR", "image_0_url VARCHAR", "image_1_uid VARCHAR",
            "image_1_url VARCHAR", "jpg_0 BLOB", "jpg_1 BLOB", "label_0 DOUBLE", "label_1 DOUBLE",
            "model_0 VARCHAR", "model_1 VARCHAR", "ranking_id BIGINT", "user_id BIGINT",
            "num_example_per_prompt BIGINT");

    private final Item foxSdxl = item("fox-sdxl", "fox", "sdxl");
    private final Item foxFlux = item("fox-flux", "fox", "flux");
    private final Item foxSdxl2 = item("fox-sdxl-2", "fox", "sdxl");
    private final Item owlSdxl = item("owl-sdxl", "owl", "sdxl");
    private final Item owlFlux = item("owl-flux", "owl", "flux");
    private final Map<Item, MediaBlob> images = Map.of(
            foxSdxl, ExportFixtures.png(3, 2, 0xff0000), foxFlux, ExportFixtures.png(4, 4, 0x00ff00),
            foxSdxl2, ExportFixtures.png(2, 5, 0x0000ff), owlSdxl, ExportFixtures.png(6, 1, 0x123456),
            owlFlux, ExportFixtures.png(1, 7, 0xabcdef));

    @TempDir
    Path dir;
    private PickapicExport format;

    @BeforeEach
    void start() {
        format = new PickapicExport();
        format.start(new TestPluginContext("export-pickapic", dir, "pickapic"), format.configSpec().parse(Map.of()));
    }

    @Test
    void declaresAParquetFormatForPairs() {
        assertEquals("pickapic", format.id());
        assertEquals("parquet", format.fileExtension());
        assertEquals("application/vnd.apache.parquet", format.mediaType());
        assertEquals(Set.of(VoteKind.PAIR), format.kinds());
    }

    @Test
    void columnsAndTypesArePickapicV2s() throws Exception {
        Path file = export(List.of(pair(1, "ann", foxSdxl, foxFlux, Choice.LEFT)), Map.of());

        assertEquals(PICKAPIC_V2_COLUMNS, ParquetReadBack.describe(file));
    }

    @Test
    void anEmptyExportIsAFileWithTheColumnsAndNoRows() throws Exception {
        RecordingExportJob job = job(List.of(pair(1, "ann", foxSdxl, foxFlux, Choice.SKIP)), Map.of());
        Path file = write(job);

        assertEquals(PICKAPIC_V2_COLUMNS, ParquetReadBack.describe(file));
        assertEquals(List.of(), ParquetReadBack.rows(file));
        assertEquals(Map.of("skip", 1L), job.skippedCounts());
    }

    @Test
    void aRowCarriesTheVoteBothImagesAndTheirProvenance() throws Exception {
        ExportRow vote = pair(7, "ann", foxSdxl, foxFlux, Choice.LEFT);
        Path file = export(List.of(vote), Map.of());

        Map<String, Object> row = ParquetReadBack.rows(file).get(0);
        assertEquals(true, row.get("are_different"), "sdxl against flux");
        assertEquals("fox-sdxl", row.get("best_image_uid"));
        assertEquals(foxSdxl.provenance().prompt(), row.get("caption"));
        assertEquals(true, row.get("has_label"));
        assertEquals("fox-sdxl", row.get("image_0_uid"));
        assertEquals("https://cdn.example/fox-sdxl.png", row.get("image_0_url"));
        assertEquals("fox-flux", row.get("image_1_uid"));
        assertEquals("https://cdn.example/fox-flux.png", row.get("image_1_url"));
        assertArrayEquals(images.get(foxSdxl).bytes(), bytes(row.get("jpg_0")));
        assertArrayEquals(images.get(foxFlux).bytes(), bytes(row.get("jpg_1")));
        assertEquals(1.0, row.get("label_0"));
        assertEquals(0.0, row.get("label_1"));
        assertEquals("sdxl", row.get("model_0"));
        assertEquals("flux", row.get("model_1"));
        assertEquals(7L, row.get("ranking_id"));
        assertEquals(Long.parseLong(ExportFixtures.pseudonym("ann").substring(2), 16), row.get("user_id"));
        assertEquals(1L, row.get("num_example_per_prompt"));

        Instant received = vote.vote().receivedAt();
        assertEquals(ChronoUnit.NANOS.between(Instant.EPOCH, received), ParquetReadBack.query(file,
                "SELECT epoch_ns(created_at) AS ns FROM read_parquet($file)").get(0).get("ns"),
                "receivedAt to the microsecond, as nanoseconds of UTC");
    }

    @Test
    void imageBytesDecodeAsTheImagesGiven() throws Exception {
        Path file = export(List.of(pair(1, "ann", owlSdxl, owlFlux, Choice.RIGHT)), Map.of());

        Map<String, Object> row = ParquetReadBack.rows(file).get(0);
        BufferedImage left = ImageIO.read(new ByteArrayInputStream(bytes(row.get("jpg_0"))));
        BufferedImage right = ImageIO.read(new ByteArrayInputStream(bytes(row.get("jpg_1"))));
        assertEquals(List.of(6, 1, 0x123456), List.of(left.getWidth(), left.getHeight(), left.getRGB(0, 0) & 0xffffff));
        assertEquals(List.of(1, 7, 0xabcdef), List.of(right.getWidth(), right.getHeight(), right.getRGB(0, 0) & 0xffffff));
    }

    @Test
    void labelsFollowTheChoiceAndTiesAreLeftOutByDefault() throws Exception {
        RecordingExportJob job = job(List.of(
                pair(1, "ann", foxSdxl, foxFlux, Choice.LEFT),
                pair(2, "bob", foxSdxl, foxFlux, Choice.RIGHT),
                pair(3, "cid", foxSdxl, foxFlux, Choice.TIE),
                pair(4, "dee", foxSdxl, foxFlux, Choice.SKIP)), Map.of());
        Path file = write(job);

        assertEquals(List.of(List.of(1L, 1.0, 0.0, "fox-sdxl", true), List.of(2L, 0.0, 1.0, "fox-flux", true)),
                labels(file));
        assertEquals(Map.of("train/left", 1L, "train/right", 1L), job.writtenCounts());
        assertEquals(Map.of("tie", 1L, "skip", 1L), job.skippedCounts());
    }

    @Test
    void includeTiesWritesATieAsPickapicDoes() throws Exception {
        RecordingExportJob job = job(List.of(
                pair(1, "ann", foxSdxl, foxFlux, Choice.LEFT),
                pair(3, "cid", foxSdxl, foxFlux, Choice.TIE),
                pair(4, "dee", foxSdxl, foxFlux, Choice.SKIP)), Map.of("includeTies", "true"));
        Path file = write(job);

        assertEquals(List.of(List.of(1L, 1.0, 0.0, "fox-sdxl", true), List.of(3L, 0.5, 0.5, "none", false)),
                labels(file));
        assertEquals(Map.of("train/left", 1L, "train/tie", 1L), job.writtenCounts());
        assertEquals(Map.of("skip", 1L), job.skippedCounts());
    }

    @Test
    void areDifferentMeansMadeByDifferentModels() throws Exception {
        Path file = export(List.of(
                pair(1, "ann", foxSdxl, foxFlux, Choice.LEFT),
                pair(2, "ann", foxSdxl, foxSdxl2, Choice.LEFT)), Map.of());

        assertEquals(List.of(true, false),
                ParquetReadBack.rows(file).stream().map(row -> row.get("are_different")).toList());
    }

    @Test
    void numExamplePerPromptCountsTheWrittenRowsOfACaptionInItsSplit() throws Exception {
        RecordingExportJob job = job(List.of(
                pair(1, "ann", foxSdxl, foxFlux, Choice.LEFT),
                pair(2, "bob", foxFlux, foxSdxl2, Choice.RIGHT),
                pair(3, "cid", foxSdxl, foxFlux, Choice.TIE),
                pair(4, "dee", foxSdxl, foxSdxl2, Choice.SKIP),
                pair(5, "ann", owlSdxl, owlFlux, Choice.LEFT),
                ExportFixtures.with(pair(6, "bob", foxSdxl, foxFlux, Choice.RIGHT), "test", List.of(), false)),
                Map.of());
        Path file = write(job);

        assertEquals(List.of(List.of(1L, 2L), List.of(2L, 2L), List.of(5L, 1L), List.of(6L, 1L)),
                ParquetReadBack.rows(file).stream()
                        .map(row -> List.of(row.get("ranking_id"), row.get("num_example_per_prompt"))).toList(),
                "fox in train: 2 rows (the tie and the skip are left out); owl: 1; fox in test: 1");
        assertEquals(2, job.passes(), "one pass to count, one to write");
    }

    @Test
    void pairsWithoutBothImagesBytesOrItemsAreLeftOutAndReported() throws Exception {
        Item unfetched = item("fox-external", "fox", "sdxl");
        RecordingExportJob job = job(List.of(
                pair(1, "ann", foxSdxl, unfetched, Choice.LEFT),
                pair(2, "ann", unfetched, foxSdxl, Choice.RIGHT),
                pair(3, "ann", foxSdxl, foxFlux, Choice.LEFT),
                new ExportRow(pair(4, "ann", foxSdxl, foxFlux, Choice.LEFT).vote(), null, foxSdxl, null),
                ExportFixtures.binary(5, "ann", foxSdxl, Verdict.LIKE)), Map.of());
        Path file = write(job);

        assertEquals(List.of(3L), ParquetReadBack.rows(file).stream().map(row -> row.get("ranking_id")).toList());
        assertEquals(Map.of("no image bytes", 2L, "missing item", 1L, "not a pair", 1L), job.skippedCounts());
        assertEquals(Map.of("train/left", 1L), job.writtenCounts());
    }

    @Test
    void aPromptlessPairGetsAnEmptyCaptionAndNullModelsStayNull() throws Exception {
        Item bare = new Item(ExportFixtures.APP, "bare", null, Provenance.NONE, null, null,
                Instant.EPOCH);
        RecordingExportJob job = job(List.of(pair(1, "ann", bare, foxFlux, Choice.RIGHT)), Map.of());
        job.withImage(null, images.get(foxSdxl));
        Path file = write(job);

        Map<String, Object> row = ParquetReadBack.rows(file).get(0);
        assertEquals("", row.get("caption"));
        assertEquals(null, row.get("image_0_url"));
        assertEquals(null, row.get("model_0"));
        assertEquals(true, row.get("are_different"), "no model against flux");
    }

    @Test
    void imagesAreWrittenPlainWithoutStatistics() throws Exception {
        Path file = export(List.of(
                pair(1, "ann", foxSdxl, foxFlux, Choice.LEFT),
                pair(2, "bob", foxSdxl, foxFlux, Choice.RIGHT),
                pair(3, "cid", foxSdxl, foxFlux, Choice.LEFT)), Map.of());

        List<Map<String, Object>> chunks = ParquetReadBack.query(file, "SELECT path_in_schema AS col, encodings, "
                + "stats_min IS NULL AS no_stats FROM parquet_metadata($file) WHERE path_in_schema LIKE 'jpg_%'");
        assertEquals(2, chunks.size());
        for (Map<String, Object> chunk : chunks) {
            assertEquals(true, chunk.get("no_stats"), "no image copied as min/max: " + chunk);
            assertFalse(String.valueOf(chunk.get("encodings")).contains("DICTIONARY"), "plain: " + chunk);
        }
    }

    @Test
    void leavesTheHostsStreamOpen() throws Exception {
        boolean[] closed = {false};
        OutputStream host = new FilterOutputStream(OutputStream.nullOutputStream()) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        format.write(job(List.of(pair(1, "ann", foxSdxl, foxFlux, Choice.LEFT)), Map.of()), host);

        assertFalse(closed[0]);
    }

    private List<List<Object>> labels(Path file) throws SQLException {
        return ParquetReadBack.rows(file).stream().map(row -> List.of(row.get("ranking_id"), row.get("label_0"),
                row.get("label_1"), row.get("best_image_uid"), row.get("has_label"))).toList();
    }

    private Path export(List<ExportRow> rows, Map<String, String> options) throws IOException {
        return write(job(rows, options));
    }

    private RecordingExportJob job(List<ExportRow> rows, Map<String, String> options) {
        RecordingExportJob job = RecordingExportJob.of(format, rows, options);
        images.forEach((item, blob) -> job.withImage(item.imageUrl(), blob));
        return job;
    }

    private Path write(RecordingExportJob job) throws IOException {
        Path file = Files.createTempFile(dir, "pickapic", ".parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            format.write(job, out);
        }
        return file;
    }

    static byte[] bytes(Object blob) throws SQLException {
        assertNotNull(blob);
        assertTrue(blob instanceof Blob, "DuckDB reads jpg columns as BLOB, got " + blob.getClass());
        Blob b = (Blob) blob;
        return b.getBytes(1, (int) b.length());
    }
}
