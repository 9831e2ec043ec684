package dev.swipeloop.plugins.text;

import static dev.swipeloop.plugins.text.Utf8Sink.ascii;

import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.VoteKind;
import java.util.EnumSet;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Binary votes as TRL's unpaired preference type, standard format:
 * {@code {"prompt": str, "completion": str, "label": bool}} per line (huggingface/trl
 * {@code docs/source/dataset_formats.md}, "Unpaired preference"), read by KTOTrainer and
 * BCOTrainer. The completion is the image URL; a like is {@code true}, a dislike {@code false}.
 * Skips and rows without a prompt or image are left out. Stateless: concurrent exports are
 * independent, each holding one 64 KiB buffer.
 */
@Extension
public final class TrlUnpairedFormat extends LineFormat {
    private static final byte[] PROMPT = ascii("{\"prompt\":");
    private static final byte[] COMPLETION = ascii(",\"completion\":");
    private static final byte[] LABEL_TRUE = ascii(",\"label\":true");
    private static final byte[] LABEL_FALSE = ascii(",\"label\":false");
    private static final byte[] IMAGES = ascii(",\"images\":[");
    private static final byte[] END = ascii("}\n");

    @Override
    public String id() {
        return "trl-unpaired";
    }

    @Override
    public String description() {
        return "Binary votes as TRL unpaired preference rows {prompt, completion, label} with image URLs (KTO)";
    }

    @Override
    public Set<VoteKind> kinds() {
        return EnumSet.of(VoteKind.BINARY);
    }

    @Override
    public ConfigSpec optionSpec() {
        return TrlImagesOption.SPEC;
    }

    @Override
    protected Line open(Utf8Sink sink, ExportJob job) {
        boolean images = job.formatOptions().getBoolean(TrlImagesOption.NAME);
        return row -> {
            Verdict verdict = ((Judgement.Binary) row.vote().judgement()).verdict();
            String image = row.item().imageUrl();
            sink.raw(PROMPT);
            sink.jsonString(row.prompt());
            sink.raw(COMPLETION);
            sink.jsonString(image);
            sink.raw(verdict == Verdict.LIKE ? LABEL_TRUE : LABEL_FALSE);
            if (images) {
                sink.raw(IMAGES);
                sink.jsonString(image);
                sink.raw(']');
            }
            sink.raw(END);
            return verdict.wire();
        };
    }

    /** Why {@code row} cannot become a labelled completion, or null when it can. */
    @Override
    protected String unfit(ExportRow row) {
        if (!(row.vote().judgement() instanceof Judgement.Binary binary)) {
            return "not a binary vote";
        }
        if (binary.verdict() == Verdict.SKIP) {
            return "skip";
        }
        if (row.item() == null || row.item().imageUrl() == null) {
            return "no image";
        }
        return Votes.hasPrompt(row.prompt()) ? null : "no prompt";
    }
}
