package dev.swipeloop.sdk.export;

import dev.swipeloop.sdk.plugin.SwipeloopExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

/**
 * Writes votes, joined with their items, in one format that a training pipeline reads.
 *
 * <h2>Threading and memory</h2>
 * One instance serves concurrent exports: keep no per-export state in fields. {@link #write}
 * must run in constant memory: read {@code rows} one at a time and write as you go; the host
 * may hand it millions of rows.
 */
public interface ExportFormat extends SwipeloopExtension {

    /** File name extension of the output, without the dot: {@code jsonl}, {@code parquet}, {@code zip}. */
    String fileExtension();

    /** Media type of the output, e.g. {@code application/x-ndjson}. */
    String mediaType();

    /** Writes every row to {@code out}; does not close it. */
    void write(Iterator<ExportRow> rows, ExportOptions options, OutputStream out) throws IOException;
}
