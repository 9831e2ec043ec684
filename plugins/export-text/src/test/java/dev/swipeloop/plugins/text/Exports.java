package dev.swipeloop.plugins.text;

import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.RecordingExportJob;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a format over rows into a file, as the host would, and keeps what the format reported. */
final class Exports {
    private Exports() {
    }

    static RecordingExportJob run(ExportFormat format, List<ExportRow> rows, Map<String, String> options, Path file)
            throws IOException {
        RecordingExportJob job = RecordingExportJob.of(format, rows, options);
        try (OutputStream out = Files.newOutputStream(file)) {
            format.write(job, out);
        }
        return job;
    }

    /** A path as a DuckDB string literal. */
    static String sql(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
