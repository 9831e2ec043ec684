package dev.swipeloop.plugins.pickapic;

import dev.swipeloop.sdk.model.Choice;

/**
 * A pair's outcome as Pick-a-Pic writes it: {@code label_0} is 1 when image 0 (the left one, as
 * shown) won, 0 when image 1 won, 0.5 for a tie; {@code label_1 = 1 - label_0}. The tie row's
 * {@code best_image_uid} is the literal {@code "none"} and its {@code has_label} is false, as in
 * the script that built the dataset (yuvalkirstain/trainer {@code reward_model_data_processing_sanity.py}:
 * {@code add_label_0}, {@code has_label = ~best_image_uid.str.contains("none")}).
 */
enum PickLabel {
    LEFT(1.0, "left"),
    RIGHT(0.0, "right"),
    TIE(0.5, "tie");

    /** Pick-a-Pic's {@code best_image_uid} of a tie. */
    static final String NO_BEST_IMAGE = "none";

    private final double label0;
    private final String wire;

    PickLabel(double label0, String wire) {
        this.label0 = label0;
        this.wire = wire;
    }

    /** The label of a decided choice; {@code SKIP} has none. */
    static PickLabel of(Choice choice) {
        switch (choice) {
            case LEFT:
                return LEFT;
            case RIGHT:
                return RIGHT;
            case TIE:
                return TIE;
            default:
                throw new IllegalArgumentException("a skipped pair has no label");
        }
    }

    double label0() {
        return label0;
    }

    double label1() {
        return 1.0 - label0;
    }

    boolean decided() {
        return this != TIE;
    }

    /** The label reported to {@code ExportJob.wrote}: {@code left}, {@code right}, {@code tie}. */
    String wire() {
        return wire;
    }
}
