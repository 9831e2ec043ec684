package dev.swipeloop.plugins.imagefolder;

import static dev.swipeloop.sdk.export.ExportFixtures.binary;
import static dev.swipeloop.sdk.export.ExportFixtures.item;
import static dev.swipeloop.sdk.export.ExportFixtures.pair;
import static dev.swipeloop.sdk.export.ExportFixtures.png;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.plugin.BuiltPluginZip;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginManager;

/**
 * The real built zip, loaded by PF4J from a plugins directory as the host loads it, running an
 * export through sdk-api types only (the format, a job, an output stream). Runs in
 * {@code verify}, after {@code package} has built and checked the archive.
 */
class ExportImagefolderPluginIT {
    private static final String PLUGIN_ID = "export-imagefolder";

    @TempDir
    static Path pluginsDir;
    private static PluginManager plugins;
    private static ExportFormat format;

    @BeforeAll
    static void loadTheBuiltZip() throws Exception {
        plugins = BuiltPluginZip.load(PLUGIN_ID, pluginsDir);
        // Asked for once, as the host's registry does.
        List<ExportFormat> found = plugins.getExtensions(ExportFormat.class, PLUGIN_ID);
        assertEquals(1, found.size(), "the zip offers exactly one ExportFormat");
        format = found.get(0);
        format.start(new TestPluginContext(PLUGIN_ID, pluginsDir, format.id()), format.configSpec().parse(Map.of()));
    }

    @AfterAll
    static void unload() {
        if (format != null) {
            format.close();
        }
        BuiltPluginZip.unload(plugins);
    }

    @Test
    void theFormatComesFromTheZip() {
        assertSame(plugins.getPluginClassLoader(PLUGIN_ID), format.getClass().getClassLoader(),
                "loaded from the zip, not the class path");
        assertEquals("imagefolder", format.id());
        assertEquals("zip", format.fileExtension());
        assertEquals("application/zip", format.mediaType());
    }

    @Test
    void exportsPairRowsWithTheirImages() throws Exception {
        Item cat = item("cat", "g1", "sdxl");
        Item dog = item("dog", "g1", "sdxl");
        MediaBlob catPng = png(3, 2, 0x334455);
        MediaBlob dogPng = png(2, 3, 0x998877);
        RecordingExportJob job = RecordingExportJob.of(format, List.of(
                        pair(1, "ann", cat, dog, Choice.RIGHT),
                        pair(2, "bob", cat, dog, Choice.TIE),
                        binary(3, "ann", cat, Verdict.LIKE)), Map.of("rows", "pairs", "license", "cc-by-4.0"))
                .withImage(cat.imageUrl(), catPng)
                .withImage(dog.imageUrl(), dogPng);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        format.write(job, out);

        Map<String, byte[]> entries = entries(out.toByteArray());
        String dogFile = dogPng.sha256() + ".png";
        String catFile = catPng.sha256() + ".png";
        assertEquals(List.of("train/" + dogFile, "train/" + catFile, "train/metadata.jsonl", "README.md"),
                List.copyOf(entries.keySet()));
        assertArrayEquals(dogPng.bytes(), entries.get("train/" + dogFile));
        String metadata = new String(entries.get("train/metadata.jsonl"), StandardCharsets.UTF_8);
        assertEquals(1, metadata.lines().count());
        assertTrue(metadata.contains("\"chosen_file_name\":\"" + dogFile + "\",\"rejected_file_name\":\"" + catFile + "\""),
                metadata);
        assertTrue(new String(entries.get("README.md"), StandardCharsets.UTF_8).startsWith("---\nlicense: \"cc-by-4.0\"\n"));
        assertEquals(Map.of("train/chosen", 1L), job.writtenCounts());
        assertEquals(Map.of("tie", 1L, "binary vote", 1L), job.skippedCounts());
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
