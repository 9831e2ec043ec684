package dev.swipeloop.plugins.pickapic;

import static dev.swipeloop.sdk.export.ExportFixtures.item;
import static dev.swipeloop.sdk.export.ExportFixtures.pair;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.export.ExportFixtures;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's settings: row group size and page compression. */
class PickapicSettingsTest {
    private static final int PAIRS = 40;
    private static final int IMAGE_BYTES = 100_000;

    @TempDir
    Path dir;

    @Test
    void badSettingsAreAllReportedWithTheirKeys() {
        List<ConfigError> errors = new PickapicExport().configSpec()
                .validate(Map.of("rowGroupBytes", "1000", "compression", "zstd"));

        assertEquals(List.of("compression", "rowGroupBytes"), errors.stream().map(ConfigError::key).sorted().toList());
    }

    @Test
    void rowGroupsStayNearRowGroupBytes() throws Exception {
        List<byte[]> written = new ArrayList<>();
        Path file = export(Map.of("rowGroupBytes", String.valueOf(1024 * 1024)), written);

        List<Map<String, Object>> groups = ParquetReadBack.query(file,
                "SELECT row_group_id, max(row_group_bytes) AS bytes FROM parquet_metadata($file) GROUP BY row_group_id");
        assertTrue(groups.size() >= 6, "8 MB of images in 1 MiB row groups, got " + groups.size() + " groups");
        for (Map<String, Object> group : groups) {
            assertTrue(((Number) group.get("bytes")).longValue() < 1024 * 1024 + 2 * IMAGE_BYTES + 64 * 1024,
                    "a row group overshoots by at most one row: " + group);
        }
        assertImagesReadBack(file, written);
    }

    @Test
    void pagesAreUncompressedByDefaultAndSnappyOnRequest() throws Exception {
        Path plain = export(Map.of(), new ArrayList<>());
        List<byte[]> written = new ArrayList<>();
        Path snappy = export(Map.of("compression", "snappy"), written);

        assertEquals(List.of("UNCOMPRESSED"), codecs(plain));
        assertEquals(List.of("SNAPPY"), codecs(snappy));
        assertImagesReadBack(snappy, written);
    }

    private static List<Object> codecs(Path file) throws Exception {
        return ParquetReadBack.query(file, "SELECT DISTINCT compression FROM parquet_metadata($file)").stream()
                .map(row -> row.get("compression")).toList();
    }

    private static void assertImagesReadBack(Path file, List<byte[]> written) throws Exception {
        List<Map<String, Object>> rows = ParquetReadBack.rows(file);
        assertEquals(written.size() / 2, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(written.get(2 * i), PickapicExportTest.bytes(rows.get(i).get("jpg_0")));
            assertArrayEquals(written.get(2 * i + 1), PickapicExportTest.bytes(rows.get(i).get("jpg_1")));
        }
    }

    /** {@value PAIRS} pairs of distinct incompressible "images" of {@value IMAGE_BYTES} bytes each. */
    private Path export(Map<String, String> settings, List<byte[]> written) throws IOException {
        PickapicExport format = new PickapicExport();
        format.start(new TestPluginContext("export-pickapic", dir, "pickapic"), format.configSpec().parse(settings));
        Random random = new Random(42);
        List<ExportRow> rows = new ArrayList<>();
        List<Map.Entry<Item, MediaBlob>> images = new ArrayList<>();
        for (int i = 1; i <= PAIRS; i++) {
            Item left = item("left-" + i, "group-" + i, "sdxl");
            Item right = item("right-" + i, "group-" + i, "flux");
            rows.add(pair(i, "rater-" + i, left, right, i % 2 == 0 ? Choice.LEFT : Choice.RIGHT));
            for (Item image : List.of(left, right)) {
                byte[] bytes = new byte[IMAGE_BYTES];
                random.nextBytes(bytes);
                written.add(bytes);
                images.add(Map.entry(image, new MediaBlob(ExportFixtures.sha256(bytes), "image/png", bytes)));
            }
        }
        RecordingExportJob job = RecordingExportJob.of(format, rows, Map.of());
        images.forEach(entry -> job.withImage(entry.getKey().imageUrl(), entry.getValue()));
        Path file = Files.createTempFile(dir, "settings", ".parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            format.write(job, out);
        }
        return file;
    }
}
