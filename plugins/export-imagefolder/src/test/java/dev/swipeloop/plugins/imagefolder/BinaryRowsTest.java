package dev.swipeloop.plugins.imagefolder;

import static dev.swipeloop.plugins.imagefolder.Gallery.FOX;
import static dev.swipeloop.plugins.imagefolder.Gallery.FOX_PNG;
import static dev.swipeloop.plugins.imagefolder.Gallery.OWL;
import static dev.swipeloop.plugins.imagefolder.Gallery.OWL_PNG;
import static dev.swipeloop.plugins.imagefolder.Gallery.REMOTE;
import static dev.swipeloop.plugins.imagefolder.Gallery.fileName;
import static dev.swipeloop.sdk.export.ExportFixtures.binary;
import static dev.swipeloop.sdk.export.ExportFixtures.pair;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default row shape, {@code binary}: what Diffusion-KTO reads. */
class BinaryRowsTest {
    @TempDir
    Path dir;

    private final ExportRow foxLiked = binary(1, "ann", FOX, Verdict.LIKE);
    private final ExportRow foxDisliked = binary(2, "bob", FOX, Verdict.DISLIKE);
    private final ExportRow owlLiked = binary(3, "ann", OWL, Verdict.LIKE);
    private final ExportRow owlSkipped = binary(4, "cy", OWL, Verdict.SKIP);
    private final ExportRow aPair = pair(5, "ann", FOX, OWL, Choice.LEFT);
    private final ExportRow remoteLiked = binary(6, "bob", REMOTE, Verdict.LIKE);
    private final ExportRow foxLikedAgain = binary(7, "cy", FOX, Verdict.LIKE);
    private RecordingExportJob job;
    private ExportedZip zip;

    @BeforeEach
    void export() throws Exception {
        ExportRow itemGone = new ExportRow(binary(8, "dee", FOX, Verdict.LIKE).vote(), null, null, null);
        job = Gallery.job(List.of(foxLiked, foxDisliked, owlLiked, owlSkipped, aPair, remoteLiked, foxLikedAgain,
                itemGone), Map.of());
        zip = ExportedZip.export(new ImagefolderExport(), job, dir);
    }

    @Test
    void imagesOnceEachThenTheMetadataThenTheCard() {
        assertEquals(List.of("train/" + fileName(FOX_PNG), "train/" + fileName(OWL_PNG), "train/metadata.jsonl",
                "README.md"), zip.names(), "the fox, voted on three times, is in the zip once");
        assertEquals(ZipEntry.STORED, zip.entry("train/" + fileName(FOX_PNG)).method(), "images are not deflated again");
        assertEquals(ZipEntry.DEFLATED, zip.entry("train/metadata.jsonl").method());
        assertEquals(ZipEntry.DEFLATED, zip.entry("README.md").method());
    }

    @Test
    void duckDbReadsFileNameCaptionAndAnIntegerLabel() throws Exception {
        Path metadata = zip.unpack(dir.resolve("export")).resolve("train/metadata.jsonl");

        assertEquals(Map.of("file_name", "VARCHAR", "caption", "VARCHAR", "label", "BIGINT"), DuckDb.columns(metadata));
        assertEquals(List.of("file_name", "caption", "label"), List.copyOf(DuckDb.columns(metadata).keySet()));
        assertEquals(List.of(
                List.of(fileName(FOX_PNG), FOX.provenance().prompt(), 1L),
                List.of(fileName(FOX_PNG), FOX.provenance().prompt(), 0L),
                List.of(fileName(OWL_PNG), OWL.provenance().prompt(), 1L),
                List.of(fileName(FOX_PNG), FOX.provenance().prompt(), 1L)), DuckDb.rows(metadata),
                "one row per like or dislike, in seq order, the prompt intact (quotes, newline, non-ASCII)");
    }

    @Test
    void everyFileNameResolvesToTheImageBytesBesideTheMetadata() throws Exception {
        Path export = zip.unpack(dir.resolve("export"));
        for (List<Object> row : DuckDb.rows(export.resolve("train/metadata.jsonl"))) {
            String fileName = (String) row.get(0);
            byte[] expected = fileName.equals(fileName(FOX_PNG)) ? FOX_PNG.bytes() : OWL_PNG.bytes();
            assertArrayEquals(expected, zip.entry("train/" + fileName).bytes(), fileName);
        }
    }

    @Test
    void reportsLikesAndDislikesWrittenAndWhyTheRestWasLeftOut() {
        assertEquals(Map.of("train/like", 3L, "train/dislike", 1L), job.writtenCounts());
        assertEquals(Map.of("skip", 1L, "pair vote", 1L, "no image bytes", 1L, "missing item", 1L),
                job.skippedCounts());
        assertEquals(List.of(foxLiked, foxDisliked, owlLiked, foxLikedAgain), job.writtenRows());
        assertEquals(1, job.passes(), "one pass over the rows");
    }
}
