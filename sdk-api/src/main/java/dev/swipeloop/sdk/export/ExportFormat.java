package dev.swipeloop.sdk.export;

import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.SwipeloopExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Writes votes, joined with their items, in one format that a training pipeline reads.
 *
 * <h2>What the host does, what the format does</h2>
 * The host chooses the rows: the app, the seq range, the filters every format shares (time,
 * model, minimum votes per item, flagged raters), the split of each row and the pairs derived
 * from binary votes. It hands the format only rows of the {@link #kinds()} it declares. The
 * format decides what a row becomes: it leaves out what its format cannot express (a tie in a
 * chosen/rejected pair, a skip), reporting each with {@link ExportJob#skipped}, and reports each
 * row it writes with {@link ExportJob#wrote}, so the manifest counts what the file holds.
 *
 * <h2>Threading and memory</h2>
 * One instance serves concurrent exports: keep no per-export state in fields. {@link #write}
 * must run in constant memory with respect to the number of votes: read rows one at a time and
 * write as you go; the host may hand it millions of rows. State that grows with the number of
 * distinct images or prompts (a set of images already written) is acceptable and documented.
 */
public interface ExportFormat extends SwipeloopExtension {

    /** File name extension of the output, without the dot: {@code jsonl}, {@code parquet}, {@code zip}. */
    String fileExtension();

    /** Media type of the output, e.g. {@code application/x-ndjson}. */
    String mediaType();

    /**
     * Version of the output's schema, recorded in the manifest. Raise it when a column is added,
     * renamed or changes type, so a pipeline can tell exports apart. Default {@code 1}.
     */
    default int schemaVersion() {
        return 1;
    }

    /** The vote kinds this format can express; the host passes it no other rows. Default: both. */
    default Set<VoteKind> kinds() {
        return EnumSet.allOf(VoteKind.class);
    }

    /**
     * Options of one export run that only this format understands (Pick-a-Pic's
     * {@code includeTies}, say), validated by the host before the export starts, every error
     * reported at once; the parsed values reach {@link #write} as {@link ExportJob#formatOptions()}.
     * Names must not clash with the options every export has (see {@link ExportOptions}).
     */
    default ConfigSpec optionSpec() {
        return new ConfigSpec();
    }

    /**
     * Writes the export to {@code out} and does not close it. Calls back into {@code job} for the
     * rows, image bytes and counts.
     */
    default void write(ExportJob job, OutputStream out) throws IOException {
        write(job.rows(), job.options(), out);
    }

    /**
     * The first form of {@link #write(ExportJob, OutputStream)}: rows and options only, no image
     * bytes and no counts. Formats implement one of the two.
     *
     * @deprecated implement {@link #write(ExportJob, OutputStream)}
     */
    @Deprecated
    default void write(Iterator<ExportRow> rows, ExportOptions options, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("export format '" + id() + "' implements neither write method");
    }
}
