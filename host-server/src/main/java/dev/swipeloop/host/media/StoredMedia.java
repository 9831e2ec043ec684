package dev.swipeloop.host.media;

import java.nio.file.Path;

/**
 * One image in the {@link MediaStore}: its file, its sniffed type and its size. The file never
 * changes once it exists (its name is the hash of its bytes), so it may be read at any time.
 */
public record StoredMedia(String sha256, Path path, ImageType type, long size) {

    /** {@code image/png}, … */
    public String mediaType() {
        return type.mediaType();
    }

    /** The server path it is served at: {@code /media/<sha256>}. */
    public String urlPath() {
        return MediaStore.URL_PREFIX + sha256;
    }
}
