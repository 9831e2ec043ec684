package dev.swipeloop.host.media;

import dev.swipeloop.host.StartupException;
import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.host.media.MediaRejectedException.Reason;
import dev.swipeloop.sdk.export.MediaBlob;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed image files: each image is stored once, named by the SHA-256 of its bytes,
 * under two fan-out directories ({@code ab/cd/abcd…}) so no directory grows huge. A file appears
 * under its final name only whole and fsynced (written to a temp file beside it, then renamed
 * atomically), and is never rewritten, so readers need no locks and several hosts may share the
 * directory. Thread-safe; an upload holds one 64 KiB buffer, never the whole image.
 */
public final class MediaStore {
    private static final Logger LOG = LoggerFactory.getLogger(MediaStore.class);
    /** Where the host serves a stored image: {@code /media/<sha256>}. */
    public static final String URL_PREFIX = "/media/";
    static final String TEMP_PREFIX = ".upload-";
    /** A temp file this old is left over from a crash; no upload of media.maxBytes takes that long. */
    static final Duration STALE_TEMP = Duration.ofHours(1);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA_PATH = Pattern.compile(".*/media/([0-9a-f]{64})");
    private static final int BUFFER_BYTES = 64 * 1024;

    /** The outcome of {@link #put}: the stored image, and whether this upload added it. */
    public record Put(StoredMedia media, boolean created) {
    }

    private final Path root;
    private final long maxBytes;

    /** Creates {@code root} if needed and removes temp files that a crash left behind. */
    public MediaStore(Path root, long maxBytes) throws IOException {
        this.root = Files.createDirectories(root);
        this.maxBytes = maxBytes;
        removeStaleUploads();
    }

    /** The store of {@code media.dir}, or a start-up failure naming the setting to fix. */
    public static MediaStore open(HostSettings settings) {
        try {
            MediaStore store = new MediaStore(settings.mediaDir(), settings.mediaMaxBytes());
            if (!Files.isWritable(settings.mediaDir())) {
                throw new IOException("not writable");
            }
            return store;
        } catch (IOException e) {
            throw new StartupException("cannot use media directory " + settings.mediaDir() + " (" + e.getMessage()
                    + "); fix " + SettingSources.describe("media.dir"), e);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** True for 64 lower-case hex digits, the only names this store has. */
    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    /**
     * The sha256 named by an image URL whose path ends with {@code /media/<sha256>}, absolute
     * ({@code https://any.host/media/…}) or a server path ({@code /media/…}); query and fragment
     * are ignored. The host name does not matter: the bytes are named by their hash, so any copy
     * of this store holds the same image under that name. Says nothing about whether it is stored.
     */
    public static Optional<String> shaOf(String imageUrl) {
        if (imageUrl == null) {
            return Optional.empty();
        }
        String path;
        try {
            path = new URI(imageUrl).getRawPath();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        Matcher m = path == null ? null : MEDIA_PATH.matcher(path);
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The stored image named {@code sha256}, or empty when there is none (or the text is not a sha256).
     *
     * @throws IOException when the file exists but cannot be read, or is not an image (damaged by hand)
     */
    public Optional<StoredMedia> find(String sha256) throws IOException {
        if (!isSha256(sha256)) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(ImageType.SNIFF_BYTES);
            ImageType type = ImageType.sniff(head).orElseThrow(() -> new IOException("media file " + path
                    + " is not a PNG, JPEG, WebP or GIF image; it was changed outside Swipeloop"));
            return Optional.of(new StoredMedia(sha256, path, type, Files.size(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * The bytes of the stored image that {@code imageUrl} names ({@link #shaOf}), read with one
     * open, as exports read every image of every row; empty when it is not stored here.
     *
     * @throws IOException when the file exists but cannot be read, or is not an image
     */
    public Optional<MediaBlob> readByUrl(String imageUrl) throws IOException {
        Optional<String> sha = shaOf(imageUrl);
        if (sha.isEmpty()) {
            return Optional.empty();
        }
        Path path = pathOf(sha.get());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        ImageType type = ImageType.sniff(bytes).orElseThrow(() -> new IOException("media file " + path
                + " is not a PNG, JPEG, WebP or GIF image; it was changed outside Swipeloop"));
        return Optional.of(new MediaBlob(sha.get(), type.mediaType(), bytes));
    }

    /**
     * Stores the image read from {@code in} (not closed here), reading until it ends. Refused, with
     * nothing kept: no bytes, more than {@link #maxBytes()} (reading stops there), or bytes that are
     * not a PNG, JPEG, WebP or GIF (reading stops after the first {@value ImageType#SNIFF_BYTES}).
     */
    public Put put(InputStream in) throws IOException, MediaRejectedException {
        Path temp = Files.createTempFile(root, TEMP_PREFIX, ".tmp");
        try {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[BUFFER_BYTES];
            byte[] head = new byte[ImageType.SNIFF_BYTES];
            int headLength = 0;
            ImageType type = null;
            long size = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    size += n;
                    if (size > maxBytes) {
                        throw new MediaRejectedException(Reason.TOO_LARGE, "must be at most " + maxBytes + " bytes");
                    }
                    if (type == null) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                        if (headLength == head.length) {
                            type = sniffOrRefuse(head, headLength);
                        }
                    }
                    digest.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
                if (size == 0) {
                    throw new MediaRejectedException(Reason.EMPTY, "must not be empty: send the image's bytes as the body");
                }
                if (type == null) {
                    type = sniffOrRefuse(head, headLength);
                }
                out.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha);
            boolean created = !Files.exists(target) && moveIntoPlace(temp, target);
            return new Put(new StoredMedia(sha, target, type, size), created);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** False when another upload of the same bytes got there first (a replace is refused on some systems). */
    private boolean moveIntoPlace(Path temp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (Files.exists(target)) {
                return false;
            }
            throw e;
        }
        // The rename, and the fan-out directories it may have created, must survive a crash too.
        syncDirectory(target.getParent());
        syncDirectory(target.getParent().getParent());
        syncDirectory(root);
        return true;
    }

    private static ImageType sniffOrRefuse(byte[] head, int length) throws MediaRejectedException {
        return ImageType.sniff(head, length).orElseThrow(() ->
                new MediaRejectedException(Reason.UNSUPPORTED_TYPE, ImageType.EXPECTED));
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; there the rename is durable without it.
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    private void removeStaleUploads() throws IOException {
        Instant before = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(root, TEMP_PREFIX + "*")) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(before)) {
                    LOG.info("removing an upload left unfinished by a crash: {}", temp);
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
