package dev.swipeloop.host.export;

import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.model.Item;
import java.io.IOException;
import java.util.Optional;

/** Where exports get the bytes of an item's image: the host's media store, or a permitted fetch. */
@FunctionalInterface
public interface ImageSource {
    /**
     * The image's bytes, or empty to write its URL instead.
     *
     * @param fetchExternal whether the run asked to fetch images at external URLs
     */
    Optional<MediaBlob> image(Item item, boolean fetchExternal) throws IOException;
}
