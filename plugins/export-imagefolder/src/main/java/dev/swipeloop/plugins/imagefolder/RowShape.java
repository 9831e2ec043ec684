package dev.swipeloop.plugins.imagefolder;

import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one vote becomes in {@code metadata.jsonl}, per the {@code rows} option: its columns, the
 * dataset card's features for them, and which votes are left out and why. Stateless.
 */
enum RowShape {
    /**
     * One row per like or dislike: {@code file_name, caption, label} (1 like, 0 dislike), what
     * Diffusion-KTO's {@code train_kto_sd_v1.5.py} reads from an imagefolder ({@code image},
     * {@code caption}, {@code label}; its README says {@code file_path}, its code {@code file_name}).
     */
    BINARY(List.of(new Feature("image", "image"), new Feature("caption", "string"), new Feature("label", "int64"))) {
        @Override
        void export(ExportRow row, ExportJob job, DatasetZip zip) throws IOException {
            if (!(row.vote().judgement() instanceof Judgement.Binary binary)) {
                job.skipped(row, "pair vote");
                return;
            }
            if (binary.verdict() == Verdict.SKIP) {
                job.skipped(row, "skip");
                return;
            }
            Optional<MediaBlob> image = image(row, row.item(), job);
            if (image.isEmpty()) {
                return;
            }
            boolean liked = binary.verdict() == Verdict.LIKE;
            zip.addRow(row.split(), new JsonLine()
                    .string("file_name", zip.addImage(row.split(), image.get()))
                    .string("caption", prompt(row))
                    .number("label", liked ? 1 : 0));
            job.wrote(row, binary.verdict().wire());
        }
    },

    /**
     * One row per decided pair vote: {@code prompt, chosen_file_name, rejected_file_name}. Since
     * datasets 3.4 imagefolder turns every {@code <name>_file_name} column into an image column
     * {@code <name>} (folder_based_builder.py), so a row loads as {@code prompt, chosen, rejected}.
     */
    PAIRS(List.of(new Feature("prompt", "string"), new Feature("chosen", "image"), new Feature("rejected", "image"))) {
        @Override
        void export(ExportRow row, ExportJob job, DatasetZip zip) throws IOException {
            if (!(row.vote().judgement() instanceof Judgement.Pair pair)) {
                job.skipped(row, "binary vote");
                return;
            }
            if (pair.choice() == Choice.TIE || pair.choice() == Choice.SKIP) {
                job.skipped(row, pair.choice().wire());
                return;
            }
            boolean leftWon = pair.choice() == Choice.LEFT;
            // Both blobs are fetched before either is written, so a pair that cannot be written
            // leaves no image behind that no row names. At most these two are held at once.
            Optional<MediaBlob> chosen = image(row, leftWon ? row.left() : row.right(), job);
            if (chosen.isEmpty()) {
                return;
            }
            Optional<MediaBlob> rejected = image(row, leftWon ? row.right() : row.left(), job);
            if (rejected.isEmpty()) {
                return;
            }
            zip.addRow(row.split(), new JsonLine()
                    .string("prompt", prompt(row))
                    .string("chosen_file_name", zip.addImage(row.split(), chosen.get()))
                    .string("rejected_file_name", zip.addImage(row.split(), rejected.get())));
            // "chosen", not left/right: the row is position-free (chosen and rejected columns),
            // so the label names what the file holds rather than where the winner was shown.
            job.wrote(row, "chosen");
        }
    };

    /** A column as the dataset card's {@code dataset_info.features} lists it. */
    record Feature(String name, String dtype) {
    }

    private final List<Feature> features;

    RowShape(List<Feature> features) {
        this.features = features;
    }

    /** Writes {@code row} into {@code zip} and reports it to {@code job} as written or skipped. */
    abstract void export(ExportRow row, ExportJob job, DatasetZip zip) throws IOException;

    /** The columns a loaded row has, in metadata order, with {@code *_file_name} already images. */
    List<Feature> features() {
        return features;
    }

    /** The value of the {@code rows} option that selects this shape. */
    String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RowShape fromOption(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The item's image bytes, or empty after reporting why the row is left out. */
    private static Optional<MediaBlob> image(ExportRow row, Item item, ExportJob job) throws IOException {
        if (item == null) {
            job.skipped(row, "missing item");
            return Optional.empty();
        }
        Optional<MediaBlob> image = job.image(item);
        if (image.isEmpty()) {
            // An external image that was not fetched: imagefolder rows must name a file in the zip.
            job.skipped(row, "no image bytes");
        }
        return image;
    }

    /** A missing prompt is written empty, so the column stays a string in every metadata file. */
    private static String prompt(ExportRow row) {
        String prompt = row.prompt();
        return prompt == null ? "" : prompt;
    }
}
