package dev.swipeloop.host.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.media.MediaRejectedException.Reason;
import dev.swipeloop.host.testing.TestImages;
import dev.swipeloop.sdk.export.MediaBlob;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStoreTest {
    static final long MAX = 64 * 1024;

    @TempDir
    Path dir;

    MediaStore store() throws IOException {
        return new MediaStore(dir.resolve("media"), MAX);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir.resolve("media"))) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void anImageIsStoredOnceUnderItsHashInTwoFanOutDirectories() throws Exception {
        MediaStore store = store();
        byte[] png = TestImages.png(32, 1);
        String sha = sha256(png);

        MediaStore.Put first = store.put(new ByteArrayInputStream(png));
        assertTrue(first.created());
        StoredMedia media = first.media();
        assertEquals(sha, media.sha256());
        Path fannedOut = dir.resolve("media").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertEquals(fannedOut, media.path());
        assertEquals("image/png", media.mediaType());
        assertEquals(png.length, media.size());
        assertEquals("/media/" + sha, media.urlPath());
        assertArrayEquals(png, Files.readAllBytes(media.path()));

        Files.setLastModifiedTime(media.path(), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        MediaStore.Put again = store.put(new ByteArrayInputStream(png));
        assertFalse(again.created());
        assertEquals(media, again.media());
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), Files.getLastModifiedTime(media.path()).toInstant(),
                "an existing file is not rewritten");
        assertEquals(List.of(media.path()), files(), "no temp file is left behind");
    }

    @Test
    void eachAcceptedTypeIsStoredWithItsType() throws Exception {
        MediaStore store = store();
        assertEquals("image/jpeg", store.put(new ByteArrayInputStream(TestImages.jpeg(16, 2))).media().mediaType());
        assertEquals("image/gif", store.put(new ByteArrayInputStream(TestImages.gif(16, 2))).media().mediaType());
        assertEquals("image/webp", store.put(new ByteArrayInputStream(TestImages.webp(100))).media().mediaType());
        byte[] tiny = "GIF89a".getBytes(StandardCharsets.US_ASCII);
        assertEquals(ImageType.GIF, store.put(new ByteArrayInputStream(tiny)).media().type(),
                "a body shorter than the sniffing window is judged on what there is");
    }

    @Test
    void theSizeCapIsInclusiveAndReadingStopsJustPastIt() throws Exception {
        MediaStore store = store();
        byte[] exactly = TestImages.pngOfSize((int) MAX);
        assertEquals(MAX, store.put(new ByteArrayInputStream(exactly)).media().size());

        CountingStream endless = new CountingStream(TestImages.png(8, 4), Long.MAX_VALUE);
        MediaRejectedException e = assertThrows(MediaRejectedException.class, () -> store.put(endless));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertEquals("must be at most " + MAX + " bytes", e.getMessage());
        assertTrue(endless.served <= MAX + 64 * 1024, "read " + endless.served + " bytes of an endless body");
        assertEquals(1, files().size(), "only the first image is stored; the refused one left no file");
    }

    @Test
    void aBodyThatIsNotAnImageIsRefusedAfterItsFirstBytes() throws Exception {
        MediaStore store = store();
        byte[] page = "<!DOCTYPE html><html>".getBytes(StandardCharsets.US_ASCII);
        CountingStream html = new CountingStream(page, Long.MAX_VALUE);
        MediaRejectedException e = assertThrows(MediaRejectedException.class, () -> store.put(html));
        assertEquals(Reason.UNSUPPORTED_TYPE, e.reason());
        assertTrue(e.getMessage().startsWith("must be a PNG, JPEG, WebP or GIF image (magic bytes"), e.getMessage());
        assertTrue(html.served <= 64 * 1024, "read " + html.served + " bytes");

        assertEquals(Reason.UNSUPPORTED_TYPE, assertThrows(MediaRejectedException.class,
                () -> store.put(new ByteArrayInputStream("GIF8".getBytes(StandardCharsets.US_ASCII)))).reason());
        assertEquals(Reason.EMPTY, assertThrows(MediaRejectedException.class,
                () -> store.put(new ByteArrayInputStream(new byte[0]))).reason());
        assertEquals(List.of(), files());
    }

    @Test
    void theFinalNameAppearsOnlyOnceTheFileIsWhole() throws Exception {
        MediaStore store = store();
        byte[] png = TestImages.png(64, 5);
        Path target = store.pathOf(sha256(png));
        List<Boolean> seenMidway = new ArrayList<>();
        InputStream watched = new ByteArrayInputStream(png) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (pos > 0 && pos < png.length) {
                    try {
                        seenMidway.add(Files.exists(target));
                        seenMidway.add(files().stream()
                                .anyMatch(p -> p.getFileName().toString().startsWith(MediaStore.TEMP_PREFIX)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        store.put(watched);
        assertTrue(seenMidway.size() >= 2);
        for (int i = 0; i < seenMidway.size(); i += 2) {
            assertFalse(seenMidway.get(i), "the final name existed while the upload was still arriving");
            assertTrue(seenMidway.get(i + 1), "the bytes go to a temp file first");
        }
        assertArrayEquals(png, Files.readAllBytes(target));
    }

    @Test
    void aFailedUploadLeavesNothing() throws Exception {
        MediaStore store = store();
        byte[] png = TestImages.png(64, 6);
        InputStream breaks = new FilterInputStream(new ByteArrayInputStream(png)) {
            private int read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > 100) {
                    throw new IOException("client went away");
                }
                int n = super.read(b, off, Math.min(len, 60));
                read += n;
                return n;
            }
        };
        assertEquals("client went away", assertThrows(IOException.class, () -> store.put(breaks)).getMessage());
        assertEquals(List.of(), files());
        assertEquals(Optional.empty(), store.find(sha256(png)));
    }

    @Test
    void uploadsLeftByACrashAreRemovedAtStartOnceStale() throws Exception {
        Path root = Files.createDirectories(dir.resolve("media"));
        Path stale = Files.write(root.resolve(".upload-1.tmp"), new byte[10]);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(MediaStore.STALE_TEMP).minusSeconds(60)));
        Path running = Files.write(root.resolve(".upload-2.tmp"), new byte[10]); // another host's upload in progress
        store();
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(running));
    }

    @Test
    void findGivesTypeSizeAndBytesAndRefusesWhatIsNotAName() throws Exception {
        MediaStore store = store();
        byte[] jpeg = TestImages.jpeg(24, 7);
        String sha = store.put(new ByteArrayInputStream(jpeg)).media().sha256();

        StoredMedia found = store.find(sha).orElseThrow();
        assertEquals(ImageType.JPEG, found.type());
        assertEquals(jpeg.length, found.size());
        MediaBlob blob = store.readByUrl("/media/" + sha).orElseThrow();
        assertEquals(sha, blob.sha256());
        assertEquals("image/jpeg", blob.mediaType());
        assertEquals("jpg", blob.fileExtension());
        assertArrayEquals(jpeg, blob.bytes());

        assertEquals(Optional.empty(), store.find("0".repeat(64)));
        assertEquals(Optional.empty(), store.find(sha.toUpperCase()));
        assertEquals(Optional.empty(), store.find("../../etc/passwd"));
        assertEquals(Optional.empty(), store.find(null));

        Files.write(found.path(), "not an image any more".getBytes(StandardCharsets.US_ASCII));
        IOException damaged = assertThrows(IOException.class, () -> store.find(sha));
        assertTrue(damaged.getMessage().contains(found.path().toString()), damaged.getMessage());
    }

    @Test
    void urlsEndingInMediaAndAHashNameThatHash() throws Exception {
        String sha = sha256(new byte[] {1});
        assertEquals(Optional.of(sha), MediaStore.shaOf("/media/" + sha));
        assertEquals(Optional.of(sha), MediaStore.shaOf("https://swipeloop.example/media/" + sha));
        assertEquals(Optional.of(sha), MediaStore.shaOf("http://127.0.0.1:7070/media/" + sha + "?v=2#top"));
        assertEquals(Optional.of(sha), MediaStore.shaOf("https://proxy.example/swipeloop/media/" + sha),
                "behind a path prefix");
        for (String other : new String[] {null, "", "/media/" + sha.toUpperCase(), "/media/" + sha.substring(1),
                "/media/" + sha + "/x", "/media/" + sha + ".png", "/demo/" + sha, "https://cdn.example/img/" + sha,
                "https://cdn.example/?u=/media/" + sha, "/media/b.png", "http://[bad/media/" + sha}) {
            assertEquals(Optional.empty(), MediaStore.shaOf(other), String.valueOf(other));
        }

        MediaStore store = store();
        byte[] gif = TestImages.gif(8, 8);
        String stored = store.put(new ByteArrayInputStream(gif)).media().sha256();
        assertArrayEquals(gif, store.readByUrl("https://elsewhere.example/media/" + stored).orElseThrow().bytes());
        assertEquals(Optional.empty(), store.readByUrl("https://elsewhere.example/media/" + sha));
        assertEquals(Optional.empty(), store.readByUrl("https://cdn.example/cat.gif"));
    }

    /** {@code head}, then zeros, up to {@code length} bytes; counts what it served. */
    static final class CountingStream extends InputStream {
        private final byte[] head;
        private final long length;
        long served;

        CountingStream(byte[] head, long length) {
            this.head = head;
            this.length = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - served);
            for (int i = 0; i < n; i++) {
                long at = served + i;
                b[off + i] = at < head.length ? head[(int) at] : 0;
            }
            served += n;
            return n;
        }
    }
}
