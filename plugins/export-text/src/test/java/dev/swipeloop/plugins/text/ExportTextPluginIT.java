package dev.swipeloop.plugins.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.plugin.BuiltPluginZip;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginManager;

/**
 * The four formats from the real built zip, loaded by PF4J from a plugins directory as the
 * host loads it, and run through sdk-api types only. Runs in {@code verify}, after
 * {@code package} has built and checked the archive.
 */
class ExportTextPluginIT {
    private static final String PLUGIN_ID = "export-text";

    @TempDir
    static Path pluginsDir;
    private static PluginManager plugins;
    private static Map<String, ExportFormat> formats;

    @BeforeAll
    static void loadTheBuiltZip() throws Exception {
        plugins = BuiltPluginZip.load(PLUGIN_ID, pluginsDir);
        // asked for once, as the host's registry does (PF4J makes new instances per call)
        formats = plugins.getExtensions(ExportFormat.class, PLUGIN_ID).stream()
                .collect(Collectors.toMap(ExportFormat::id, Function.identity(), (a, b) -> a, TreeMap::new));
        for (ExportFormat format : formats.values()) {
            format.start(new TestPluginContext(PLUGIN_ID, pluginsDir, format.id()), format.configSpec().parse(Map.of()));
        }
    }

    @AfterAll
    static void unload() {
        if (formats != null) {
            formats.values().forEach(ExportFormat::close);
        }
        BuiltPluginZip.unload(plugins);
    }

    @Test
    void theZipOffersTheFourFormatsFromItsOwnClassLoader() {
        assertEquals(List.of("csv", "jsonl", "trl-preference", "trl-unpaired"), List.copyOf(formats.keySet()));
        ClassLoader pluginLoader = plugins.getPluginClassLoader(PLUGIN_ID);
        for (ExportFormat format : formats.values()) {
            assertSame(pluginLoader, format.getClass().getClassLoader(), format.id() + " comes from the zip");
        }
        assertEquals("text/csv; charset=utf-8; header=present", formats.get("csv").mediaType());
        assertEquals("application/x-ndjson", formats.get("jsonl").mediaType());
        assertEquals("jsonl", formats.get("trl-unpaired").fileExtension());
    }

    @Test
    void eachFormatWritesWhatItDeclares() throws Exception {
        Map<String, String> firstLines = new TreeMap<>();
        Map<String, Map<String, Long>> written = new TreeMap<>();
        for (ExportFormat format : formats.values()) {
            // the host passes a format only the kinds it declares
            List<ExportRow> rows = TextFixtures.ALL.stream()
                    .filter(row -> format.kinds().contains(row.vote().judgement().kind())).toList();
            RecordingExportJob job = RecordingExportJob.of(format, rows, Map.of());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.write(job, out);
            firstLines.put(format.id(), out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            written.put(format.id(), job.writtenCounts());
        }
        assertTrue(firstLines.get("jsonl").startsWith("{\"seq\":1,\"id\":\""), firstLines.get("jsonl"));
        assertTrue(firstLines.get("csv").startsWith("seq,id,kind,verdict,choice,derived,split,rater,"),
                firstLines.get("csv"));
        assertTrue(firstLines.get("trl-preference").startsWith("{\"prompt\":\"a \\\"red\\\" fox, in snow\\n"),
                firstLines.get("trl-preference"));
        assertTrue(firstLines.get("trl-unpaired").endsWith("\"completion\":\"https://cdn.example/a.png\",\"label\":true}"),
                firstLines.get("trl-unpaired"));
        assertEquals(Map.of(
                "csv", Map.of("train/like", 1L, "train/dislike", 1L, "train/right", 1L, "train/tie", 1L,
                        "test/skip", 1L, "train/left", 1L, "train/skip", 1L),
                "jsonl", Map.of("train/like", 1L, "train/dislike", 1L, "train/right", 1L, "train/tie", 1L,
                        "test/skip", 1L, "train/left", 1L, "train/skip", 1L),
                "trl-preference", Map.of("train/chosen", 2L),
                "trl-unpaired", Map.of("train/like", 1L)), written);
    }
}
