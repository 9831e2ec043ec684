package dev.swipeloop.host.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The image types the media store accepts, recognised by their first bytes only: a name or a
 * Content-Type given by the client is never trusted. The signatures are those of the WHATWG MIME
 * Sniffing standard's image table (https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern),
 * so a browser shown the bytes agrees with the type the server declares.
 */
public enum ImageType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp"),
    GIF("image/gif", "gif");

    /** Bytes {@link #sniff} looks at; fewer are enough for the shorter signatures. */
    public static final int SNIFF_BYTES = 14;

    /** What a refusal says, naming every accepted type. */
    public static final String EXPECTED = "must be a PNG, JPEG, WebP or GIF image (magic bytes 89 50 4E 47 0D 0A 1A 0A,"
            + " FF D8 FF, RIFF….WEBPVP or GIF87a/GIF89a)";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] RIFF = ascii("RIFF");
    // The standard asks for "WEBPVP": every WebP's first chunk is VP8, VP8L or VP8X.
    private static final byte[] WEBP_AFTER_SIZE = ascii("WEBPVP");
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");

    private final String mediaType;
    private final String extension;

    ImageType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** {@code image/png}, … */
    public String mediaType() {
        return mediaType;
    }

    /** {@code png}, {@code jpg}, {@code webp}, {@code gif}. */
    public String extension() {
        return extension;
    }

    /** The type whose signature starts {@code head[0..length)}, or empty. */
    public static Optional<ImageType> sniff(byte[] head, int length) {
        if (startsWith(head, length, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 0, JPEG_SIGNATURE)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 0, RIFF) && startsWith(head, length, 8, WEBP_AFTER_SIZE)) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, length, 0, GIF87) || startsWith(head, length, 0, GIF89)) {
            return Optional.of(GIF);
        }
        return Optional.empty();
    }

    public static Optional<ImageType> sniff(byte[] bytes) {
        return sniff(bytes, bytes.length);
    }

    private static boolean startsWith(byte[] head, int length, int offset, byte[] signature) {
        if (length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[offset + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
