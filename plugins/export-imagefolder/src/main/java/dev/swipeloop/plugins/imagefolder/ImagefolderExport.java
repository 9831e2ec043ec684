package dev.swipeloop.plugins.imagefolder;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.plugin.PluginContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Export format {@code imagefolder}: a zip laid out as a Hugging Face {@code imagefolder}
 * dataset. Each split is a folder ({@code train/} always) holding its images, named
 * {@code <sha256>.<ext>}, beside a {@code metadata.jsonl} whose rows name them; a dataset card
 * {@code README.md} comes last. The {@code rows} option picks the row shape ({@link RowShape}):
 * {@code binary} for Diffusion-KTO, {@code pairs} for chosen/rejected image columns.
 *
 * <h2>Threading and memory</h2>
 * Stateless: concurrent exports share this instance. One pass over the rows; at most two images
 * in memory at a time. What grows is the set of image file names written, one per distinct image
 * per split (an image voted on a thousand times is written and remembered once), never anything
 * per vote: metadata rows wait in one temporary file per split, deleted when the export ends.
 */
@Extension
public final class ImagefolderExport implements ExportFormat {
    static final String ID = "imagefolder";
    static final String ROWS = "rows";
    static final String LICENSE = "license";

    /** Hub licence identifiers: {@code cc-by-4.0}, {@code apache-2.0}, {@code openrail++}, {@code other}. */
    private static final Pattern LICENSE_ID = Pattern.compile("[a-z0-9][a-z0-9.+_-]*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Hugging Face imagefolder zip: images beside metadata.jsonl per split, and a dataset card"
                + " (Diffusion-KTO, datasets' load_dataset)";
    }

    @Override
    public String fileExtension() {
        return "zip";
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public ConfigSpec optionSpec() {
        return new ConfigSpec()
                .define(ROWS, ConfigType.STRING, RowShape.BINARY.option(), false,
                        "Row shape: binary (file_name, caption, label 1/0 per like or dislike; Diffusion-KTO)"
                                + " or pairs (prompt, chosen_file_name, rejected_file_name per decided pair vote)",
                        Validator.oneOf(RowShape.BINARY.option(), RowShape.PAIRS.option()))
                .define(LICENSE, ConfigType.STRING, "other", false,
                        "Licence written into the dataset card, as a Hugging Face Hub licence id (cc-by-4.0, apache-2.0, other)",
                        value -> LICENSE_ID.matcher((String) value).matches() ? null
                                : "must be a Hub licence id: lower-case letters, digits and . + _ - (e.g. cc-by-4.0, other)");
    }

    @Override
    public void start(PluginContext context, Config config) {
        // Nothing to set up: every export carries its own options.
    }

    @Override
    public void write(ExportJob job, OutputStream out) throws IOException {
        RowShape shape = RowShape.fromOption(job.formatOptions().getString(ROWS));
        try (DatasetZip zip = new DatasetZip(out)) {
            for (Iterator<ExportRow> rows = job.rows(); rows.hasNext(); ) {
                shape.export(rows.next(), job, zip);
            }
            Map<String, Long> rowsPerSplit = zip.writeMetadata();
            // Last, because the counts it declares are known only now; a zip's order does not matter to readers.
            zip.writeText("README.md", DatasetCard.render(shape, job.formatOptions().getString(LICENSE),
                    schemaVersion(), id(), rowsPerSplit));
            zip.finish();
        }
    }
}
