package dev.swipeloop.host.export;

import dev.swipeloop.host.media.ExternalMediaFetcher;
import dev.swipeloop.host.media.MediaStore;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.model.Item;
import java.io.IOException;
import java.util.Optional;

/**
 * Image bytes for exports: an item whose URL points at this host's media store ({@code /media/<sha256>})
 * is read from the store; any other URL is fetched only when the run asked for it, and then only
 * as {@link ExternalMediaFetcher} permits (allowlisted hosts, public addresses, caps).
 */
final class MediaImages implements ImageSource {
    private final MediaStore store;
    private final ExternalMediaFetcher fetcher;

    MediaImages(MediaStore store, ExternalMediaFetcher fetcher) {
        this.store = store;
        this.fetcher = fetcher;
    }

    @Override
    public Optional<MediaBlob> image(Item item, boolean fetchExternal) throws IOException {
        String url = item.imageUrl();
        if (url == null) {
            return Optional.empty();
        }
        Optional<MediaBlob> stored = store.readByUrl(url);
        if (stored.isPresent()) {
            return stored;
        }
        return fetchExternal ? fetcher.fetch(url) : Optional.empty();
    }
}
