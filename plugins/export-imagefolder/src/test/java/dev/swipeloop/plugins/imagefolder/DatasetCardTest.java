package dev.swipeloop.plugins.imagefolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dataset card's YAML front matter, as datasets and the Hub read it, and its prose. */
class DatasetCardTest {

    @Test
    void binaryCardDeclaresLicenceTaskConfigsFeaturesAndSplitCounts() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("train", 12L);
        rows.put("validation", 3L);
        String card = DatasetCard.render(RowShape.BINARY, "other", 1, "imagefolder", rows);

        assertEquals("""
                license: "other"
                task_categories:
                - text-to-image
                tags:
                - swipeloop
                - human-feedback
                - preference
                configs:
                - config_name: default
                  data_files:
                  - split: "train"
                    path: "train/*"
                  - split: "validation"
                    path: "validation/*"
                dataset_info:
                  features:
                  - name: image
                    dtype: image
                  - name: caption
                    dtype: string
                  - name: label
                    dtype: int64
                  splits:
                  - name: "train"
                    num_examples: 12
                  - name: "validation"
                    num_examples: 3
                """, frontMatter(card));
    }

    @Test
    void frontMatterIsPlainBlockYaml() {
        String card = DatasetCard.render(RowShape.PAIRS, "cc-by-4.0", 1, "imagefolder", Map.of("train", 2L));
        for (String line : frontMatter(card).lines().toList()) {
            int indent = line.length() - line.stripLeading().length();
            assertEquals(0, indent % 2, "two-space indentation: '" + line + "'");
            assertTrue(line.stripLeading().matches("(- )?[a-z_]+:( .+)?|- [a-z-]+"), "key: value or - item: '" + line + "'");
        }
    }

    @Test
    void proseSaysHowItWasMadeAndHowToLoadAndTrain() {
        String card = DatasetCard.render(RowShape.BINARY, "other", 3, "imagefolder", Map.of("train", 2L));
        String body = card.substring(card.indexOf("\n---\n") + 5);
        for (String expected : List.of("schema version 3", "rows `binary`", "load_dataset(\"imagefolder\", data_dir=",
                "train_kto_sd_v1.5.py", "--dataloader default", "| train | 2 |")) {
            assertTrue(body.contains(expected), "'" + expected + "' in:\n" + body);
        }
    }

    /** The YAML between the opening and the closing {@code ---} lines, as datasets' _split_yaml_from_readme cuts it. */
    private static String frontMatter(String card) {
        List<String> lines = card.lines().toList();
        assertEquals("---", lines.get(0), "the card opens with the front matter");
        int end = lines.subList(1, lines.size()).indexOf("---") + 1;
        assertTrue(end > 0, "the front matter is closed");
        return String.join("\n", lines.subList(1, end)) + "\n";
    }
}
