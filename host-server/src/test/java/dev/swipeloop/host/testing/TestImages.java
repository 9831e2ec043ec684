package dev.swipeloop.host.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real encoded images for media tests, made on the spot (ImageIO writes PNG, JPEG and GIF). */
public final class TestImages {
    private TestImages() {
    }

    /** A PNG of noise: {@code seed} makes different bytes, the size grows with {@code side}. */
    public static byte[] png(int side, long seed) {
        return encode("png", side, seed);
    }

    /**
     * A PNG of exactly {@code size} bytes (at least ~100): a small image followed by zeros, which
     * decoders ignore after the image's end chunk.
     */
    public static byte[] pngOfSize(int size) {
        byte[] image = png(4, size);
        if (image.length > size) {
            throw new IllegalArgumentException("the smallest test PNG has " + image.length + " bytes");
        }
        return Arrays.copyOf(image, size);
    }

    public static byte[] jpeg(int side, long seed) {
        return encode("jpeg", side, seed);
    }

    public static byte[] gif(int side, long seed) {
        return encode("gif", side, seed);
    }

    /**
     * A WebP container holding one lossless (VP8L) chunk of filler: ImageIO cannot write WebP, and
     * the store judges only the container's first bytes.
     */
    public static byte[] webp(int payloadBytes) {
        ByteBuffer b = ByteBuffer.allocate(20 + payloadBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + payloadBytes);
        b.put("WEBPVP8L".getBytes(StandardCharsets.US_ASCII)).putInt(payloadBytes);
        new Random(payloadBytes).ints(payloadBytes).forEach(i -> b.put((byte) i));
        return b.array();
    }

    private static byte[] encode(String format, int side, long seed) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("ImageIO has no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
