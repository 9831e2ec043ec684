package dev.swipeloop.sdk.export;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Rows and images for export format tests. Items carry full provenance with characters that
 * need escaping (quotes, commas, a newline, non-ASCII), so a format that forgets to escape
 * fails; rows are numbered so a test can tell them apart.
 */
public final class ExportFixtures {
    public static final String APP = "app-export-test";
    private static final Instant BASE = Instant.parse("2026-05-04T10:15:30.123456Z");

    private ExportFixtures() {
    }

    /** An item of prompt group {@code group}, made by {@code model}. */
    public static Item item(String id, String group, String model) {
        Provenance provenance = new Provenance("a \"red\" fox, in snow\nstudio light — " + group,
                "blurry, watermark", model, model + "-v1", 42L + id.hashCode(),
                "{\"sampler\":\"dpmpp_2m\",\"steps\":30,\"cfg\":7.5}");
        return new Item(APP, id, "https://cdn.example/" + id + ".png", provenance, group, null, BASE);
    }

    /** A binary vote with seq {@code seq} by rater pseudonym {@code r_<rater>}. */
    public static ExportRow binary(long seq, String rater, Item item, Verdict verdict) {
        Vote vote = new Vote(uuid(seq), APP, pseudonym(rater), "session-" + rater,
                new Judgement.Binary(item.id(), verdict), 500 + (int) seq, BASE.plusSeconds(seq), seq,
                BASE.plusSeconds(seq).plusMillis(250));
        return new ExportRow(vote, item, null, null);
    }

    /** A pair vote with seq {@code seq}; {@code left} and {@code right} in the order shown. */
    public static ExportRow pair(long seq, String rater, Item left, Item right, Choice choice) {
        Vote vote = new Vote(uuid(seq), APP, pseudonym(rater), null,
                new Judgement.Pair(left.id(), right.id(), choice), null, null, seq,
                BASE.plusSeconds(seq).plusMillis(250));
        return new ExportRow(vote, null, left, right);
    }

    /** {@code row} in another split, with flags, or derived. */
    public static ExportRow with(ExportRow row, String split, List<String> flags, boolean derived) {
        return new ExportRow(row.vote(), row.item(), row.left(), row.right(), flags, split, derived);
    }

    public static String pseudonym(String rater) {
        return String.format("r_%016x", rater.hashCode() & 0xffffffffL);
    }

    private static UUID uuid(long seq) {
        return new UUID(0x0190_0000_0000_7000L | (seq << 16), 0x8000_0000_0000_0000L | seq);
    }

    /** A valid, decodable {@code width}×{@code height} PNG filled with one colour. */
    public static MediaBlob png(int width, int height, int rgb) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (int y = 0; y < height; y++) {
                raw.write(0);
                for (int x = 0; x < width; x++) {
                    raw.write(rgb >> 16);
                    raw.write(rgb >> 8);
                    raw.write(rgb);
                }
            }
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(9))) {
                deflate.write(raw.toByteArray());
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(png, "IHDR", new byte[] {0, 0, (byte) (width >> 8), (byte) width, 0, 0, (byte) (height >> 8),
                    (byte) height, 8, 2, 0, 0, 0});
            chunk(png, "IDAT", compressed.toByteArray());
            chunk(png, "IEND", new byte[0]);
            byte[] bytes = png.toByteArray();
            return new MediaBlob(sha256(bytes), "image/png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
                (byte) data.length});
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        long c = crc.getValue();
        out.write(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
    }

    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
