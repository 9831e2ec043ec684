package dev.swipeloop.plugins.pickapic;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.Item;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One Pick-a-Pic row, made from a pair vote whose two images have bytes. Image 0 is the left
 * image as the rater saw it, image 1 the right one. Holds both images' bytes: make it, write it,
 * drop it.
 *
 * <p>{@code areDifferent} means "made by different models", as Pick-a-Pic's build script defines
 * it ({@code are_different = model_0 != model_1}); {@code caption} is the left image's prompt, the
 * empty string when it has none (what Diffusion-DPO's empty-prompt dropout feeds the text encoder);
 * {@code createdAtNanos} is when the host received the vote, in nanoseconds since the epoch, UTC.
 */
record PickapicRow(boolean areDifferent, String bestImageUid, String caption, Long createdAtNanos,
                   boolean hasLabel, String image0Uid, String image0Url, String image1Uid, String image1Url,
                   byte[] jpg0, byte[] jpg1, double label0, double label1, String model0, String model1,
                   long rankingId, long userId, long numExamplePerPrompt) {

    static PickapicRow of(ExportRow row, PickLabel label, byte[] leftBytes, byte[] rightBytes,
                          long numExamplePerPrompt) {
        Item left = row.left();
        Item right = row.right();
        String model0 = left.provenance().model();
        String model1 = right.provenance().model();
        String best = label == PickLabel.LEFT ? left.id()
                : label == PickLabel.RIGHT ? right.id()
                : PickLabel.NO_BEST_IMAGE;
        return new PickapicRow(!Objects.equals(model0, model1), best, caption(row), nanos(row.vote().receivedAt()),
                label.decided(), left.id(), left.imageUrl(), right.id(), right.imageUrl(), leftBytes, rightBytes,
                label.label0(), label.label1(), model0, model1, row.vote().seq(),
                RaterIds.userId(row.vote().rater()), numExamplePerPrompt);
    }

    /** The caption a row is written with, and counted under. */
    static String caption(ExportRow row) {
        String prompt = row.prompt();
        return prompt == null ? "" : prompt;
    }

    private static Long nanos(Instant instant) {
        return instant == null ? null : ChronoUnit.NANOS.between(Instant.EPOCH, instant);
    }
}
