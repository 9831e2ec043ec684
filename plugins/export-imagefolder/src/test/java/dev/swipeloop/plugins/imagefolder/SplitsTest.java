package dev.swipeloop.plugins.imagefolder;

import static dev.swipeloop.plugins.imagefolder.Gallery.FOX;
import static dev.swipeloop.plugins.imagefolder.Gallery.FOX_PNG;
import static dev.swipeloop.plugins.imagefolder.Gallery.OWL;
import static dev.swipeloop.plugins.imagefolder.Gallery.OWL_PNG;
import static dev.swipeloop.plugins.imagefolder.Gallery.fileName;
import static dev.swipeloop.sdk.export.ExportFixtures.binary;
import static dev.swipeloop.sdk.export.ExportFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows land in the split folder the host chose; the card counts what each holds. */
class SplitsTest {
    @TempDir
    Path dir;

    @Test
    void eachSplitHoldsItsOwnImagesAndMetadata() throws Exception {
        RecordingExportJob job = Gallery.job(List.of(
                binary(1, "ann", FOX, Verdict.LIKE),
                test(binary(2, "bob", OWL, Verdict.DISLIKE)),
                test(binary(3, "bob", FOX, Verdict.LIKE)),
                binary(4, "cy", OWL, Verdict.LIKE),
                binary(5, "cy", FOX, Verdict.DISLIKE)), Map.of());
        ExportedZip zip = ExportedZip.export(new ImagefolderExport(), job, dir);

        assertEquals(List.of("train/" + fileName(FOX_PNG), "test/" + fileName(OWL_PNG), "test/" + fileName(FOX_PNG),
                "train/" + fileName(OWL_PNG), "train/metadata.jsonl", "test/metadata.jsonl", "README.md"), zip.names(),
                "an image used by two splits is in both folders, once each: file_name is relative to its metadata");
        Path export = zip.unpack(dir.resolve("export"));
        assertEquals(3, DuckDb.rows(export.resolve("train/metadata.jsonl")).size());
        assertEquals(List.of(List.of(fileName(OWL_PNG), OWL.provenance().prompt(), 0L),
                List.of(fileName(FOX_PNG), FOX.provenance().prompt(), 1L)), DuckDb.rows(export.resolve("test/metadata.jsonl")));
        assertEquals(Map.of("train/like", 2L, "train/dislike", 1L, "test/like", 1L, "test/dislike", 1L), job.writtenCounts());

        String card = zip.entry("README.md").text();
        assertTrue(card.contains("""
                  data_files:
                  - split: "train"
                    path: "train/*"
                  - split: "test"
                    path: "test/*"
                """), card);
        assertTrue(card.contains("""
                  splits:
                  - name: "train"
                    num_examples: 3
                  - name: "test"
                    num_examples: 2
                ---
                """), card);
    }

    @Test
    void anExportWithNoRowsStillHasATrainFolder() throws Exception {
        ExportedZip zip = ExportedZip.export(new ImagefolderExport(), Gallery.job(List.of(), Map.of()), dir);

        assertEquals(List.of("train/metadata.jsonl", "README.md"), zip.names());
        assertEquals(0, zip.entry("train/metadata.jsonl").bytes().length);
        assertTrue(zip.entry("README.md").text().contains("""
                  splits:
                  - name: "train"
                    num_examples: 0
                """));
    }

    @Test
    void anEmptyTrainFolderIsKeptButLeftOutOfTheCardsSplits() throws Exception {
        ExportedZip zip = ExportedZip.export(new ImagefolderExport(),
                Gallery.job(List.of(test(binary(1, "ann", FOX, Verdict.LIKE))), Map.of()), dir);

        assertEquals(List.of("test/" + fileName(FOX_PNG), "train/metadata.jsonl", "test/metadata.jsonl", "README.md"),
                zip.names());
        String card = zip.entry("README.md").text();
        String frontMatter = card.substring(0, card.indexOf("\n---\n"));
        assertFalse(frontMatter.contains("\"train\""),
                "load_dataset(folder) would pick the json builder for a split holding only metadata.jsonl");
        assertTrue(frontMatter.contains("  - split: \"test\"\n    path: \"test/*\"\n"), card);
        assertTrue(frontMatter.contains("  - name: \"test\"\n    num_examples: 1"), card);
    }

    private static ExportRow test(ExportRow row) {
        return with(row, "test", List.of(), false);
    }
}
