package dev.swipeloop.plugins.text;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.plugin.PluginContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

/**
 * What the four text formats share: one pass over the rows, one line per row written into a
 * 64 KiB UTF-8 buffer, and every row reported to the job, written with its label or left out
 * with the reason. A format says how a line looks ({@link #open}) and which rows it cannot
 * express ({@link #unfit}). Stateless: concurrent exports are independent.
 */
abstract class LineFormat implements ExportFormat {

    /** Writes one row as one line and returns the label the manifest counts it under. */
    @FunctionalInterface
    interface Line {
        String write(ExportRow row) throws IOException;
    }

    /** Starts one export (a CSV header goes here) and returns how it writes each row. */
    protected abstract Line open(Utf8Sink sink, ExportJob job) throws IOException;

    /** Why {@code row} cannot be written, in a few words for the manifest, or null when it can. */
    protected String unfit(ExportRow row) {
        return null;
    }

    @Override
    public String fileExtension() {
        return "jsonl";
    }

    @Override
    public String mediaType() {
        return "application/x-ndjson";
    }

    @Override
    public void start(PluginContext context, Config config) {
        // nothing to set up: the format keeps no state between exports
    }

    @Override
    public final void write(ExportJob job, OutputStream out) throws IOException {
        Utf8Sink sink = new Utf8Sink(out);
        Line line = open(sink, job);
        for (Iterator<ExportRow> rows = job.rows(); rows.hasNext(); ) {
            ExportRow row = rows.next();
            String unfit = unfit(row);
            if (unfit != null) {
                job.skipped(row, unfit);
            } else {
                job.wrote(row, line.write(row));
            }
        }
        sink.flush();
    }
}
