package dev.swipeloop.plugins.imagefolder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The export's {@code README.md}: a Hugging Face dataset card whose YAML front matter lets
 * {@code load_dataset("<folder>")} find every split ({@code configs}) and check what it loaded
 * ({@code dataset_info}), followed by a short account of what the export holds and how to use it.
 * Stateless.
 */
final class DatasetCard {

    private DatasetCard() {
    }

    /**
     * @param rowsPerSplit rows written per split, {@code train} first
     * @param formatId     the export format's id, named in the prose
     */
    static String render(RowShape shape, String license, int schemaVersion, String formatId,
                         Map<String, Long> rowsPerSplit) {
        Map<String, Long> splits = listedSplits(rowsPerSplit);
        StringBuilder card = new StringBuilder(2048);
        card.append("---\n");
        // Quoted: PyYAML reads YAML 1.1, where a split named "no" or "2024" would not be a string.
        card.append("license: ").append(quoted(license)).append('\n');
        card.append("task_categories:\n- text-to-image\n");
        card.append("tags:\n- swipeloop\n- human-feedback\n- preference\n");
        card.append("configs:\n- config_name: default\n  data_files:\n");
        for (String split : splits.keySet()) {
            card.append("  - split: ").append(quoted(split)).append('\n');
            card.append("    path: ").append(quoted(split + "/*")).append('\n');
        }
        card.append("dataset_info:\n  features:\n");
        for (RowShape.Feature feature : shape.features()) {
            card.append("  - name: ").append(feature.name()).append('\n');
            card.append("    dtype: ").append(feature.dtype()).append('\n');
        }
        card.append("  splits:\n");
        for (Map.Entry<String, Long> split : splits.entrySet()) {
            card.append("  - name: ").append(quoted(split.getKey())).append('\n');
            card.append("    num_examples: ").append(split.getValue()).append('\n');
        }
        card.append("---\n\n");
        body(card, shape, schemaVersion, formatId, rowsPerSplit);
        return card.toString();
    }

    /**
     * The splits the YAML names: those with rows, or {@code train} alone when none has any. An
     * empty split folder holds only {@code metadata.jsonl}, and datasets' {@code load.py} would
     * infer the json builder for it and imagefolder for the others ("Couldn't infer the same data
     * file format for all splits"); and {@code dataset_info.splits} must match the loaded splits
     * exactly, counts included ({@code verify_splits}), so both lists leave it out alike.
     */
    private static Map<String, Long> listedSplits(Map<String, Long> rowsPerSplit) {
        Map<String, Long> listed = new LinkedHashMap<>();
        rowsPerSplit.forEach((split, rows) -> {
            if (rows > 0) {
                listed.put(split, rows);
            }
        });
        if (listed.isEmpty()) {
            listed.put(DatasetZip.DEFAULT_SPLIT, 0L);
        }
        return listed;
    }

    private static void body(StringBuilder card, RowShape shape, int schemaVersion, String formatId,
                             Map<String, Long> rowsPerSplit) {
        card.append("# Swipeloop preference export\n\n");
        if (shape == RowShape.BINARY) {
            card.append("Per-image human feedback on generated images: each row is one like or dislike, with the image,\n"
                    + "its prompt as `caption`, and `label` 1 (like) or 0 (dislike). Skips and pair votes are left out.\n\n");
        } else {
            card.append("Pairwise human feedback on generated images: each row is one decided pair vote, with the\n"
                    + "`prompt` and the `chosen` and `rejected` images. Ties, skips and single-image votes are left out.\n\n");
        }
        card.append("| split | rows |\n|---|---|\n");
        rowsPerSplit.forEach((split, rows) -> card.append("| ").append(split).append(" | ").append(rows).append(" |\n"));
        card.append('\n');
        card.append("Made by Swipeloop from swipes on its widget: export format `")
                .append(formatId).append("`, rows `").append(shape.option()).append("`, schema version ")
                .append(schemaVersion).append(".\nEach split folder holds its images, named by their SHA-256,"
                        + " beside a `metadata.jsonl` that names them; an image appears once per split.\n\n");
        card.append("## Load\n\nUnzip, then:\n\n```python\nfrom datasets import load_dataset\n\n"
                + "ds = load_dataset(\"imagefolder\", data_dir=\"path/to/export\")  # finds train/, test/, validation/\n"
                + "ds = load_dataset(\"path/to/export\")  # reads this card: every split, row counts checked\n```\n\n");
        if (shape == RowShape.PAIRS) {
            card.append("The `chosen` and `rejected` image columns need datasets 3.4 or later.\n\n");
        }
        card.append("## Train\n\n");
        if (shape == RowShape.BINARY) {
            card.append("[Diffusion-KTO](https://github.com/jacklishufan/diffusion-kto) reads this layout as it is:\n\n"
                    + "```sh\naccelerate launch train_kto_sd_v1.5.py --train_data_dir=path/to/export --dataloader default \\\n"
                    + "  --dataset_name=unused --policy gt_label_wi_l --loss kto --resolution 512 \\\n"
                    + "  --pretrained_model_name_or_path=runwayml/stable-diffusion-v1-5 --output_dir=out\n```\n\n"
                    + "`--dataloader default` makes it load the folder with imagefolder; `--dataset_name` must be given but\n"
                    + "is not used. It trains on the `train` split and samples likes at the rate `--positive_ratio` (default 0.5),\n"
                    + "whatever the balance in the file.\n");
        } else {
            card.append("Each row is one preference pair, `chosen` over `rejected` for `prompt`: the shape pairwise\n"
                    + "methods such as Diffusion-DPO train on. Rename the columns to the ones your trainer reads.\n");
        }
    }

    /** Values reaching here are validated (licence id, split name): no quote or backslash to escape. */
    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
