package dev.swipeloop.plugins.text;

import dev.swipeloop.sdk.export.ExportJob;
import java.io.IOException;
import org.pf4j.Extension;

/**
 * Every vote, binary and pair, with its items, as RFC 4180 CSV with a header row: the content
 * of the JSONL export, flat, for spreadsheets and {@code pandas.read_csv}. Nothing is left out.
 * Stateless: concurrent exports are independent, each holding one 64 KiB buffer and one row.
 */
@Extension
public final class CsvFormat extends LineFormat {

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "Every vote with its items, one CSV record per vote (RFC 4180, header row, UTF-8)";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    /**
     * {@code text/csv} (RFC 4180 section 3) with its {@code charset} parameter, since prompts
     * are not ASCII, and {@code header=present}, the parameter the RFC defines for the header row.
     */
    @Override
    public String mediaType() {
        return "text/csv; charset=utf-8; header=present";
    }

    @Override
    protected Line open(Utf8Sink sink, ExportJob job) throws IOException {
        VoteCsvRecord record = new VoteCsvRecord(sink);
        record.header();
        return row -> {
            record.write(row);
            return Votes.label(row);
        };
    }
}
