package dev.swipeloop.sdk.export;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.model.Item;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@link ExportJob} over a list of rows, for format tests: images come from a map keyed by
 * image URL (what the host's media store would give), format options are parsed with the
 * format's own {@link ExportFormat#optionSpec()}, and what the format reports is recorded.
 *
 * <pre>{@code
 * RecordingExportJob job = RecordingExportJob.of(format, rows, Map.of("includeTies", "true"))
 *         .withImage(item.imageUrl(), blob);
 * format.write(job, out);
 * assertEquals(Map.of("train/left", 3L), job.writtenCounts());
 * }</pre>
 */
public final class RecordingExportJob implements ExportJob {
    private final List<ExportRow> rows;
    private final ExportOptions options;
    private final Config formatOptions;
    private final Map<String, MediaBlob> images = new LinkedHashMap<>();
    private final Map<String, Long> written = new TreeMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private final List<ExportRow> writtenRows = new ArrayList<>();
    private int passes;

    private RecordingExportJob(List<ExportRow> rows, ExportOptions options, Config formatOptions) {
        this.rows = List.copyOf(rows);
        this.options = options;
        this.formatOptions = formatOptions;
    }

    /** A job for {@code format}; {@code options} holds format options only (common ones are the host's). */
    public static RecordingExportJob of(ExportFormat format, List<ExportRow> rows, Map<String, String> options) {
        return new RecordingExportJob(rows, new ExportOptions(ExportFixtures.APP, options),
                format.optionSpec().parse(options));
    }

    /** Makes {@link #image} answer for items whose image URL is {@code imageUrl}. */
    public RecordingExportJob withImage(String imageUrl, MediaBlob blob) {
        images.put(imageUrl, blob);
        return this;
    }

    @Override
    public String appId() {
        return options.appId();
    }

    @Override
    public ExportOptions options() {
        return options;
    }

    @Override
    public Config formatOptions() {
        return formatOptions;
    }

    @Override
    public Iterator<ExportRow> rows() {
        passes++;
        return rows.iterator();
    }

    @Override
    public Optional<MediaBlob> image(Item item) {
        return Optional.ofNullable(item == null ? null : images.get(item.imageUrl()));
    }

    @Override
    public void wrote(ExportRow row, String label) {
        written.merge(row.split() + "/" + label, 1L, Long::sum);
        writtenRows.add(row);
    }

    @Override
    public void skipped(ExportRow row, String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /** Rows reported written, counted by {@code split/label}. */
    public Map<String, Long> writtenCounts() {
        return written;
    }

    /** Rows reported left out, counted by reason. */
    public Map<String, Long> skippedCounts() {
        return skipped;
    }

    /** The rows reported written, in the order reported. */
    public List<ExportRow> writtenRows() {
        return writtenRows;
    }

    /** How many passes over the rows the format started. */
    public int passes() {
        return passes;
    }
}
