package dev.swipeloop.host.media;

import dev.swipeloop.sdk.export.MediaBlob;
import java.io.IOException;
import java.nio.file.Files;
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

    /** The whole image in memory, as an export writes it (one image at a time; at most media.maxBytes). */
    public MediaBlob read() throws IOException {
        return new MediaBlob(sha256, type.mediaType(), Files.readAllBytes(path));
    }
}
