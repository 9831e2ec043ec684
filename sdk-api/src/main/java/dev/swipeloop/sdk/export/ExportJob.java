package dev.swipeloop.sdk.export;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.model.Item;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * One export run, as an {@link ExportFormat} sees it. Made by the host; used from the thread
 * that calls {@link ExportFormat#write(ExportJob, java.io.OutputStream)} only.
 */
public interface ExportJob {

    /** The app whose votes are exported. */
    String appId();

    /** Every option the run was started with, as given (the manifest records them). */
    ExportOptions options();

    /** The format's own options ({@link ExportFormat#optionSpec()}), parsed and validated. */
    Config formatOptions();

    /**
     * A pass over the rows, in seq order. Each call starts a new pass over the very same rows:
     * the host fixes the seq range when the export starts, so votes arriving meanwhile never
     * show up in a second pass. Most formats read one pass; a format that needs totals before
     * its first row (Pick-a-Pic's {@code num_example_per_prompt}) reads two.
     */
    Iterator<ExportRow> rows();

    /**
     * The encoded bytes of an item's image, when this export may include them: images uploaded
     * to the host's media store always; images at external URLs only when the run was started
     * with media fetching on and the URL passed the host's checks (allowed host, public address,
     * time and size caps). Empty means "write the URL". Holds one image in memory; do not keep
     * the returned blobs.
     *
     * @throws IOException when the stored file cannot be read; a failed fetch of an external
     *                     image is not an error here, it is empty
     */
    Optional<MediaBlob> image(Item item) throws IOException;

    /**
     * Reports that {@code row} was written, with the label it got ({@code like}, {@code dislike},
     * {@code left}, {@code tie}…): the manifest counts labels per split, and shows the
     * like:dislike balance that KTO-style trainers care about. Call once per row written.
     */
    void wrote(ExportRow row, String label);

    /**
     * Reports that {@code row} was left out and why, in a few words that the manifest counts
     * ({@code "tie"}, {@code "skip"}, {@code "no image bytes"}).
     */
    void skipped(ExportRow row, String reason);
}
