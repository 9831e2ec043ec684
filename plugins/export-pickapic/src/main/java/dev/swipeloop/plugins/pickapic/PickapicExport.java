package dev.swipeloop.plugins.pickapic;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.PluginContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Pair votes as a Pick-a-Pic v2 Parquet file ({@code yuvalkirstain/pickapic_v2}'s columns and
 * types), which Diffusion-DPO and diffusers' {@code train_diffusion_dpo.py} train on. Each row
 * carries both images' encoded bytes; a pair without bytes for both is left out.
 *
 * <p>Ties are left out unless the run sets {@code includeTies}: diffusers' script treats a 0.5
 * label as "image 0 won". Skipped pairs are always left out.
 *
 * <h2>Threading and memory</h2>
 * One instance serves concurrent exports; all per-export state lives in {@link #write}. It reads
 * the rows twice: the first pass counts rows per split and caption for
 * {@code num_example_per_prompt} (memory: {@link PromptCounts}, a few dozen bytes per distinct
 * prompt), the second writes, holding one pair's images and one row group
 * ({@link PickapicSettings}) at a time.
 */
@Extension
public class PickapicExport implements ExportFormat {
    /** Format option: write ties (label 0.5) instead of leaving them out. */
    static final String INCLUDE_TIES = "includeTies";

    private volatile PickapicSettings settings = PickapicSettings.DEFAULTS;

    @Override
    public String id() {
        return "pickapic";
    }

    @Override
    public String description() {
        return "Pick-a-Pic v2 Parquet (Diffusion-DPO): pair votes with both images' bytes";
    }

    @Override
    public String fileExtension() {
        return "parquet";
    }

    @Override
    public String mediaType() {
        return "application/vnd.apache.parquet";
    }

    @Override
    public Set<VoteKind> kinds() {
        return EnumSet.of(VoteKind.PAIR);
    }

    @Override
    public ConfigSpec configSpec() {
        return PickapicSettings.SPEC;
    }

    @Override
    public ConfigSpec optionSpec() {
        return new ConfigSpec().define(INCLUDE_TIES, ConfigType.BOOLEAN, false, false,
                "Write ties as label_0 = 0.5 rows (diffusers' train_diffusion_dpo.py reads them as 'image 0 won')");
    }

    @Override
    public void start(PluginContext context, Config config) {
        settings = PickapicSettings.from(config);
    }

    @Override
    public void write(ExportJob job, OutputStream out) throws IOException {
        boolean includeTies = job.formatOptions().getBoolean(INCLUDE_TIES);
        PromptCounts perPrompt = countPrompts(job, includeTies);
        try (PickapicFile file = PickapicFile.open(out, settings)) {
            for (Iterator<ExportRow> rows = job.rows(); rows.hasNext(); ) {
                ExportRow row = rows.next();
                String leftOut = reasonToLeaveOut(row, includeTies);
                if (leftOut != null) {
                    job.skipped(row, leftOut);
                    continue;
                }
                Optional<MediaBlob> left = job.image(row.left());
                Optional<MediaBlob> right = job.image(row.right());
                if (left.isEmpty() || right.isEmpty()) {
                    job.skipped(row, "no image bytes");
                    continue;
                }
                PickLabel label = PickLabel.of(choice(row));
                long sharingCaption = perPrompt.count(row.split(), PickapicRow.caption(row));
                file.append(PickapicRow.of(row, label, left.get().bytes(), right.get().bytes(), sharingCaption));
                job.wrote(row, label.wire());
            }
        }
    }

    /**
     * The first pass. It counts the rows the label rules keep; a row later left out for missing
     * image bytes is still counted, since knowing would mean reading every image twice.
     */
    private static PromptCounts countPrompts(ExportJob job, boolean includeTies) {
        PromptCounts counts = new PromptCounts();
        for (Iterator<ExportRow> rows = job.rows(); rows.hasNext(); ) {
            ExportRow row = rows.next();
            if (reasonToLeaveOut(row, includeTies) == null) {
                counts.add(row.split(), PickapicRow.caption(row));
            }
        }
        return counts;
    }

    /** Why the label rules leave {@code row} out, or null when it is written (given image bytes). */
    private static String reasonToLeaveOut(ExportRow row, boolean includeTies) {
        if (!(row.vote().judgement() instanceof Judgement.Pair)) {
            return "not a pair";
        }
        Choice choice = choice(row);
        if (choice == Choice.SKIP) {
            return "skip";
        }
        if (choice == Choice.TIE && !includeTies) {
            return "tie";
        }
        if (row.left() == null || row.right() == null) {
            return "missing item";
        }
        return null;
    }

    private static Choice choice(ExportRow row) {
        return ((Judgement.Pair) row.vote().judgement()).choice();
    }
}
