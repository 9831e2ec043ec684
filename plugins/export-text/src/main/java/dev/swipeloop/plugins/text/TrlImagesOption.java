package dev.swipeloop.plugins.text;

import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;

/**
 * The {@code images} option of the two TRL formats: add an {@code images} column, a list of the
 * row's image URLs in the order its text columns name them.
 *
 * <p>Why this shape. TRL's vision datasets (huggingface/trl {@code docs/source/dataset_formats.md},
 * "Vision datasets") carry "the key {@code images} with the image data", a list, beside the usual
 * columns; TRL's vision trainers treat those images as <em>inputs</em> of the prompt. Swipeloop's
 * images are the <em>outputs</em> being judged, and TRL has no trainer that generates images, so
 * no TRL trainer reads this as it stands. What the column gives is the images themselves to a
 * pipeline that judges them (a VLM reward model or critic): {@code datasets} turns the URL list
 * into decoded images with {@code cast_column("images", Sequence(Image()))}, fetching each URL
 * when read (its {@code Image} feature opens non-local paths with {@code xopen}). The text
 * columns keep their URLs, so the file stays readable by the text trainers either way.
 */
final class TrlImagesOption {
    static final String NAME = "images";

    static final ConfigSpec SPEC = new ConfigSpec().define(NAME, ConfigType.BOOLEAN, false, false,
            "Add an 'images' column: the row's image URLs as a list, in the order of its text columns");

    private TrlImagesOption() {
    }
}
