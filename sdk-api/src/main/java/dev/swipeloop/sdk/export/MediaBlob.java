package dev.swipeloop.sdk.export;

import java.util.Locale;

/**
 * The encoded bytes of one image (PNG, JPEG, WebP or GIF), with the sha256 that names it in
 * the host's content-addressed media store.
 */
public record MediaBlob(String sha256, String mediaType, byte[] bytes) {

    /** The usual file name extension of {@link #mediaType()}: {@code png}, {@code jpg}, {@code webp}, {@code gif}. */
    public String fileExtension() {
        switch (mediaType.toLowerCase(Locale.ROOT)) {
            case "image/png":
                return "png";
            case "image/jpeg":
                return "jpg";
            case "image/webp":
                return "webp";
            case "image/gif":
                return "gif";
            default:
                return "bin";
        }
    }
}
