package dev.swipeloop.plugins.pickapic;

import static dev.swipeloop.sdk.export.ExportFixtures.item;
import static dev.swipeloop.sdk.export.ExportFixtures.pair;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.swipeloop.sdk.export.ExportFixtures;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.plugin.BuiltPluginZip;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginManager;

/**
 * The real built zip, loaded by PF4J from a plugins directory as the host loads it, exporting
 * through sdk-api types only; DuckDB reads the file back. Hadoop is on neither this test's class
 * path nor in the zip, so the export proves it runs without it. Runs in {@code verify}, after
 * {@code package} has built and checked the archive.
 */
class ExportPickapicPluginIT {
    private static final String PLUGIN_ID = "export-pickapic";

    @TempDir
    static Path pluginsDir;
    @TempDir
    Path dir;
    private static PluginManager plugins;

    @BeforeAll
    static void loadTheBuiltZip() throws Exception {
        plugins = BuiltPluginZip.load(PLUGIN_ID, pluginsDir);
    }

    @AfterAll
    static void unload() {
        BuiltPluginZip.unload(plugins);
    }

    @Test
    void exportsPairsAsPickapicParquetFromTheZip() throws Exception {
        ExportFormat format = theFormat();
        format.start(new TestPluginContext(PLUGIN_ID, dir, format.id()),
                format.configSpec().parse(Map.of("compression", "snappy")));
        Item left = item("fox-sdxl", "fox", "sdxl");
        Item right = item("fox-flux", "fox", "flux");
        MediaBlob leftImage = ExportFixtures.png(8, 8, 0xff8800);
        MediaBlob rightImage = ExportFixtures.png(8, 8, 0x0088ff);
        RecordingExportJob job = RecordingExportJob.of(format, List.of(
                pair(1, "ann", left, right, Choice.LEFT),
                pair(2, "bob", left, right, Choice.TIE),
                pair(3, "cid", left, right, Choice.RIGHT)), Map.of("includeTies", "true"))
                .withImage(left.imageUrl(), leftImage)
                .withImage(right.imageUrl(), rightImage);
        Path file = dir.resolve("pickapic.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            format.write(job, out);
        }

        assertEquals(18, ParquetReadBack.describe(file).size());
        assertEquals(List.of(List.of(1L, 1.0, 3L), List.of(2L, 0.5, 3L), List.of(3L, 0.0, 3L)),
                ParquetReadBack.rows(file).stream().map(row -> List.of(row.get("ranking_id"), row.get("label_0"),
                        row.get("num_example_per_prompt"))).toList());
        assertArrayEquals(leftImage.bytes(), PickapicExportTest.bytes(ParquetReadBack.rows(file).get(0).get("jpg_0")));
        assertEquals(List.of("SNAPPY"), ParquetReadBack.query(file,
                "SELECT DISTINCT compression FROM parquet_metadata($file)").stream()
                .map(row -> row.get("compression")).toList(), "snappy-java's native library loads inside the plugin");
        assertEquals(Map.of("train/left", 1L, "train/right", 1L, "train/tie", 1L), job.writtenCounts());
    }

    @Test
    void parquetComesFromTheZipAndHadoopFromNowhere() throws Exception {
        ClassLoader pluginLoader = plugins.getPluginClassLoader(PLUGIN_ID);
        ExportFormat format = theFormat();

        assertSame(pluginLoader, format.getClass().getClassLoader(), "loaded from the zip, not the class path");
        assertSame(pluginLoader, pluginLoader.loadClass("org.apache.parquet.hadoop.ParquetWriter").getClassLoader(),
                "parquet-java comes from the zip's lib/");
        assertNotSame(pluginLoader, pluginLoader.loadClass(ExportFormat.class.getName()).getClassLoader(),
                "sdk-api comes from the host");
        assertThrows(ClassNotFoundException.class, () -> pluginLoader.loadClass("org.apache.hadoop.conf.Configuration"));
        assertEquals("pickapic", format.id());
    }

    private static ExportFormat theFormat() {
        List<ExportFormat> found = plugins.getExtensions(ExportFormat.class, PLUGIN_ID);
        assertEquals(1, found.size(), "the zip offers exactly one ExportFormat");
        return found.get(0);
    }
}
