package dev.swipeloop.plugins.text;

import static dev.swipeloop.plugins.text.Utf8Sink.ascii;

import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.VoteKind;
import java.util.EnumSet;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Pair votes as TRL's preference type with an explicit prompt, standard (not conversational)
 * format: {@code {"prompt": str, "chosen": str, "rejected": str}} per line (huggingface/trl
 * {@code docs/source/dataset_formats.md}, "Preference"), read by DPOTrainer, CPOTrainer,
 * ORPOTrainer and RewardTrainer. An image is written as its URL. Ties and skips say nothing
 * about which image is better and are left out, as are rows without a prompt or without both
 * images. Stateless: concurrent exports are independent, each holding one 64 KiB buffer.
 */
@Extension
public final class TrlPreferenceFormat extends LineFormat {
    private static final byte[] PROMPT = ascii("{\"prompt\":");
    private static final byte[] CHOSEN = ascii(",\"chosen\":");
    private static final byte[] REJECTED = ascii(",\"rejected\":");
    private static final byte[] IMAGES = ascii(",\"images\":[");
    private static final byte[] END = ascii("}\n");

    @Override
    public String id() {
        return "trl-preference";
    }

    @Override
    public String description() {
        return "Pair votes as TRL preference rows {prompt, chosen, rejected} with image URLs (DPO, reward models)";
    }

    @Override
    public Set<VoteKind> kinds() {
        return EnumSet.of(VoteKind.PAIR);
    }

    @Override
    public ConfigSpec optionSpec() {
        return TrlImagesOption.SPEC;
    }

    @Override
    protected Line open(Utf8Sink sink, ExportJob job) {
        boolean images = job.formatOptions().getBoolean(TrlImagesOption.NAME);
        return row -> {
            boolean leftWon = ((Judgement.Pair) row.vote().judgement()).choice() == Choice.LEFT;
            String chosen = (leftWon ? row.left() : row.right()).imageUrl();
            String rejected = (leftWon ? row.right() : row.left()).imageUrl();
            sink.raw(PROMPT);
            sink.jsonString(row.prompt());
            sink.raw(CHOSEN);
            sink.jsonString(chosen);
            sink.raw(REJECTED);
            sink.jsonString(rejected);
            if (images) {
                sink.raw(IMAGES);
                sink.jsonString(chosen);
                sink.raw(',');
                sink.jsonString(rejected);
                sink.raw(']');
            }
            sink.raw(END);
            return "chosen";
        };
    }

    /** Why {@code row} cannot become a chosen/rejected pair, or null when it can. */
    @Override
    protected String unfit(ExportRow row) {
        if (!(row.vote().judgement() instanceof Judgement.Pair pair)) {
            return "not a pair";
        }
        if (pair.choice() == Choice.TIE || pair.choice() == Choice.SKIP) {
            return pair.choice().wire();
        }
        if (!hasImage(row.left()) || !hasImage(row.right())) {
            return "no image";
        }
        return Votes.hasPrompt(row.prompt()) ? null : "no prompt";
    }

    private static boolean hasImage(Item item) {
        return item != null && item.imageUrl() != null;
    }
}
