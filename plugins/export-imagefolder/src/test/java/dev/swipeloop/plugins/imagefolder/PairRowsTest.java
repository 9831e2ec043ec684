package dev.swipeloop.plugins.imagefolder;

import static dev.swipeloop.plugins.imagefolder.Gallery.FOX;
import static dev.swipeloop.plugins.imagefolder.Gallery.FOX_PNG;
import static dev.swipeloop.plugins.imagefolder.Gallery.LYNX;
import static dev.swipeloop.plugins.imagefolder.Gallery.OWL;
import static dev.swipeloop.plugins.imagefolder.Gallery.OWL_PNG;
import static dev.swipeloop.plugins.imagefolder.Gallery.REMOTE;
import static dev.swipeloop.plugins.imagefolder.Gallery.fileName;
import static dev.swipeloop.sdk.export.ExportFixtures.binary;
import static dev.swipeloop.sdk.export.ExportFixtures.pair;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rows=pairs}: prompt, chosen and rejected image, loaded by datasets as two image columns. */
class PairRowsTest {
    @TempDir
    Path dir;

    private final ExportRow leftWon = pair(1, "ann", FOX, OWL, Choice.LEFT);
    private final ExportRow rightWon = pair(2, "bob", FOX, OWL, Choice.RIGHT);
    private final ExportRow tie = pair(3, "cy", FOX, OWL, Choice.TIE);
    private final ExportRow skipped = pair(4, "cy", OWL, FOX, Choice.SKIP);
    private final ExportRow single = binary(5, "ann", FOX, Verdict.LIKE);
    private final ExportRow lynxOverUnfetched = pair(6, "bob", LYNX, REMOTE, Choice.LEFT);
    private final ExportRow rightGone = new ExportRow(pair(7, "dee", OWL, FOX, Choice.LEFT).vote(), null, OWL, null);
    private RecordingExportJob job;
    private ExportedZip zip;

    @BeforeEach
    void export() throws Exception {
        job = Gallery.job(List.of(leftWon, rightWon, tie, skipped, single, lynxOverUnfetched, rightGone),
                Map.of("rows", "pairs"));
        zip = ExportedZip.export(new ImagefolderExport(), job, dir);
    }

    @Test
    void duckDbReadsThePromptAndTwoFileNameColumns() throws Exception {
        Path metadata = zip.unpack(dir.resolve("export")).resolve("train/metadata.jsonl");

        assertEquals(List.of("prompt", "chosen_file_name", "rejected_file_name"),
                List.copyOf(DuckDb.columns(metadata).keySet()));
        assertEquals(List.of("VARCHAR", "VARCHAR", "VARCHAR"), List.copyOf(DuckDb.columns(metadata).values()));
        assertEquals(List.of(
                List.of(FOX.provenance().prompt(), fileName(FOX_PNG), fileName(OWL_PNG)),
                List.of(FOX.provenance().prompt(), fileName(OWL_PNG), fileName(FOX_PNG))), DuckDb.rows(metadata),
                "the winner is chosen whichever side it was shown on; the prompt is the pair's");
    }

    @Test
    void bothImagesOfEveryRowAreBesideTheMetadataOnce() {
        assertEquals(List.of("train/" + fileName(FOX_PNG), "train/" + fileName(OWL_PNG), "train/metadata.jsonl",
                "README.md"), zip.names(), "the lynx won a pair that was left out: its image is not shipped either");
        assertArrayEquals(FOX_PNG.bytes(), zip.entry("train/" + fileName(FOX_PNG)).bytes());
        assertArrayEquals(OWL_PNG.bytes(), zip.entry("train/" + fileName(OWL_PNG)).bytes());
    }

    @Test
    void reportsChosenRowsAndWhyTheRestWasLeftOut() {
        assertEquals(Map.of("train/chosen", 2L), job.writtenCounts());
        assertEquals(Map.of("tie", 1L, "skip", 1L, "binary vote", 1L, "no image bytes", 1L, "missing item", 1L),
                job.skippedCounts());
    }

    @Test
    void theCardDeclaresTheTwoImageColumns() {
        String card = zip.entry("README.md").text();
        assertContainsLines(card, "  - name: prompt", "    dtype: string", "  - name: chosen", "    dtype: image",
                "  - name: rejected", "    dtype: image", "    num_examples: 2");
    }

    private static void assertContainsLines(String text, String... lines) {
        List<String> actual = text.lines().toList();
        for (String line : lines) {
            assertTrue(actual.contains(line), "missing line '" + line + "' in:\n" + text);
        }
    }
}
