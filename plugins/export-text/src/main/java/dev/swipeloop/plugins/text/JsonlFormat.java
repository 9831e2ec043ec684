package dev.swipeloop.plugins.text;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.plugin.PluginContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import org.pf4j.Extension;

/**
 * Every vote, binary and pair, with its items and their provenance: one JSON object per line
 * (newline-delimited JSON), the same keys on every line. The raw material from which any other
 * format can be derived; nothing is left out. Stateless: concurrent exports are independent,
 * each holding one 64 KiB buffer and one row at a time.
 */
@Extension
public final class JsonlFormat implements ExportFormat {

    @Override
    public String id() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "Every vote with its items, one JSON object per line (the same keys on every line)";
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
    public void write(ExportJob job, OutputStream out) throws IOException {
        Utf8Sink sink = new Utf8Sink(out);
        VoteJsonLine line = new VoteJsonLine(sink);
        for (Iterator<ExportRow> rows = job.rows(); rows.hasNext(); ) {
            ExportRow row = rows.next();
            line.write(row);
            job.wrote(row, Votes.label(row));
        }
        sink.flush();
    }
}
