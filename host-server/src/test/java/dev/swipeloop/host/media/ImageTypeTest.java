package dev.swipeloop.host.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.host.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageTypeTest {
    @Test
    void realImagesAreRecognisedByTheirFirstBytes() {
        assertEquals(Optional.of(ImageType.PNG), ImageType.sniff(TestImages.png(8, 1)));
        assertEquals(Optional.of(ImageType.JPEG), ImageType.sniff(TestImages.jpeg(8, 1)));
        assertEquals(Optional.of(ImageType.GIF), ImageType.sniff(TestImages.gif(8, 1)));
        assertEquals(Optional.of(ImageType.WEBP), ImageType.sniff(TestImages.webp(16)));
        assertEquals(Optional.of(ImageType.GIF), ImageType.sniff(ascii("GIF87a")), "the signature alone is enough");
        assertEquals("image/webp", ImageType.WEBP.mediaType());
        assertEquals("jpg", ImageType.JPEG.extension());
    }

    @Test
    void nearMissesAndOtherFormatsAreRefused() {
        byte[] png = TestImages.png(8, 1);
        byte[] brokenPng = png.clone();
        brokenPng[3] = 'J';
        for (byte[] bytes : new byte[][] {
                brokenPng,
                Arrays.copyOf(png, 7), // a signature cut short
                {(byte) 0xFF, (byte) 0xD8}, // JPEG's SOI without the next marker
                ascii("RIFF\u0024\0\0\0WAVEfmt "), // a WAV file: also RIFF
                ascii("RIFF\u0024\0\0\0WEBPXX"), // WebP's container, but no VP8 chunk
                ascii("GIF88a"),
                ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
                ascii("<!DOCTYPE html><script>alert(1)</script>"),
                ascii("BM6\0\0\0"), // BMP
                {}}) {
            assertEquals(Optional.empty(), ImageType.sniff(bytes), new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void onlyTheGivenLengthCounts() {
        byte[] png = TestImages.png(8, 1);
        assertEquals(Optional.empty(), ImageType.sniff(png, 7));
        assertEquals(Optional.of(ImageType.PNG), ImageType.sniff(png, 8));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
