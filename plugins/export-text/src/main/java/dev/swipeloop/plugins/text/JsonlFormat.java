package dev.swipeloop.plugins.text;

import dev.swipeloop.sdk.export.ExportJob;
import org.pf4j.Extension;

/**
 * Every vote, binary and pair, with its items and their provenance: one JSON object per line
 * (newline-delimited JSON), the same keys on every line. The raw material from which any other
 * format can be derived; nothing is left out. Stateless: concurrent exports are independent,
 * each holding one 64 KiB buffer and one row at a time.
 */
@Extension
public final class JsonlFormat extends LineFormat {

    @Override
    public String id() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "Every vote with its items, one JSON object per line (the same keys on every line)";
    }

    @Override
    protected Line open(Utf8Sink sink, ExportJob job) {
        VoteJsonLine line = new VoteJsonLine(sink);
        return row -> {
            line.write(row);
            return Votes.label(row);
        };
    }
}
