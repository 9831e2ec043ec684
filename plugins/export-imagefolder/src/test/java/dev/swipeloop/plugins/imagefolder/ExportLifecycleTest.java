package dev.swipeloop.plugins.imagefolder;

import static dev.swipeloop.plugins.imagefolder.Gallery.FOX;
import static dev.swipeloop.plugins.imagefolder.Gallery.OWL;
import static dev.swipeloop.sdk.export.ExportFixtures.binary;
import static dev.swipeloop.sdk.export.ExportFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.ExportOptions;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options, and what is left behind when an export fails. */
class ExportLifecycleTest {
    private final ImagefolderExport format = new ImagefolderExport();

    @TempDir
    Path dir;

    @Test
    void declaresAZipOfBothVoteKinds() {
        assertEquals("imagefolder", format.id());
        assertEquals("zip", format.fileExtension());
        assertEquals("application/zip", format.mediaType());
        assertEquals(2, format.kinds().size());
    }

    @Test
    void optionsDefaultToBinaryRowsAndLicenceOther() {
        Config defaults = format.optionSpec().parse(Map.of());
        assertEquals("binary", defaults.getString("rows"));
        assertEquals("other", defaults.getString("license"));
    }

    @Test
    void rejectsAnUnknownRowShapeAndALicenceThatIsNoHubId() {
        List<ConfigError> errors = format.optionSpec().validate(Map.of("rows", "both", "license", "CC BY 4.0"));
        assertEquals(List.of("rows", "license"), errors.stream().map(ConfigError::key).toList());
        assertTrue(errors.get(0).message().contains("binary, pairs"), errors.get(0).message());
    }

    @Test
    void theLicenceOptionGoesIntoTheCard() throws Exception {
        RecordingExportJob job = Gallery.job(List.of(binary(1, "ann", FOX, Verdict.LIKE)), Map.of("license", "cc-by-4.0"));
        String card = ExportedZip.export(format, job, dir).entry("README.md").text();
        assertTrue(card.startsWith("---\nlicense: \"cc-by-4.0\"\n"), card);
    }

    @Test
    void aSplitNameThatIsNoFolderNameFailsTheExport() {
        RecordingExportJob job = Gallery.job(List.of(with(binary(1, "ann", FOX, Verdict.LIKE), "../up", List.of(), false)),
                Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> format.write(job, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("'../up'"), e.getMessage());
    }

    @Test
    void aFailedExportLeavesNoTemporaryFilesAndNoZipThatLooksComplete() throws Exception {
        long before = temporaryFiles();
        ExportJob failing = new FailingOnOwl(Gallery.job(List.of(
                with(binary(1, "ann", FOX, Verdict.LIKE), "test", List.of(), false),
                binary(2, "bob", OWL, Verdict.LIKE)), Map.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThrows(IOException.class, () -> format.write(failing, out));

        assertEquals(before, temporaryFiles(), "the buffered metadata of both splits is deleted");
        Path partial = Files.write(dir.resolve("partial.zip"), out.toByteArray());
        assertThrows(ZipException.class, () -> new ZipFile(partial.toFile()).close(),
                "no central directory: a reader cannot mistake the half-written export for a whole one");
    }

    @Test
    void aSuccessfulExportLeavesNoTemporaryFiles() throws Exception {
        long before = temporaryFiles();
        ExportedZip.export(format, Gallery.job(List.of(binary(1, "ann", FOX, Verdict.LIKE)), Map.of()), dir);
        assertEquals(before, temporaryFiles());
    }

    private static long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("swipeloop-imagefolder-")).count();
        }
    }

    /** A job whose media store cannot read the owl's file. */
    private record FailingOnOwl(RecordingExportJob job) implements ExportJob {
        @Override
        public Optional<MediaBlob> image(Item item) throws IOException {
            if (item.id().equals(OWL.id())) {
                throw new IOException("media store: cannot read " + item.imageUrl());
            }
            return job.image(item);
        }

        @Override
        public String appId() {
            return job.appId();
        }

        @Override
        public ExportOptions options() {
            return job.options();
        }

        @Override
        public Config formatOptions() {
            return job.formatOptions();
        }

        @Override
        public Iterator<ExportRow> rows() {
            return job.rows();
        }

        @Override
        public void wrote(ExportRow row, String label) {
            job.wrote(row, label);
        }

        @Override
        public void skipped(ExportRow row, String reason) {
            job.skipped(row, reason);
        }
    }
}
