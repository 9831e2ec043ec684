package dev.swipeloop.host.migrate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A SHA-256 over a sequence of records, each a list of fields in a fixed order. Every field is
 * written with a type tag, and text with its length, so the serialization is unambiguous: a
 * null is not an empty string, ("ab", "c") is not ("a", "bc"), and a field cannot slide into
 * its neighbour. Two sides that read the same records in the same order get the same sum.
 */
public final class RecordChecksum {
    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte NUMBER = 2;
    private static final byte BOOLEAN = 3;
    private static final byte INSTANT = 4;
    private static final byte ID = 5;
    private static final byte LIST = 6;
    private static final byte RECORD = 0x1E;

    private final MessageDigest sha256;
    private long records;

    public RecordChecksum() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds one record: text, whole numbers, booleans, instants, UUIDs, lists of text, or null. */
    public RecordChecksum add(Object... fields) {
        sha256.update(RECORD);
        sha256.update(ByteBuffer.allocate(4).putInt(fields.length).array());
        for (Object field : fields) {
            field(field);
        }
        records++;
        return this;
    }

    private void field(Object field) {
        if (field == null) {
            sha256.update(NULL);
        } else if (field instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            sha256.update(TEXT);
            sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha256.update(bytes);
        } else if (field instanceof Long || field instanceof Integer) {
            sha256.update(NUMBER);
            sha256.update(ByteBuffer.allocate(8).putLong(((Number) field).longValue()).array());
        } else if (field instanceof Boolean bool) {
            sha256.update(BOOLEAN);
            sha256.update((byte) (bool ? 1 : 0));
        } else if (field instanceof Instant instant) {
            sha256.update(INSTANT);
            sha256.update(ByteBuffer.allocate(12).putLong(instant.getEpochSecond()).putInt(instant.getNano()).array());
        } else if (field instanceof UUID id) {
            sha256.update(ID);
            sha256.update(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits()).array());
        } else if (field instanceof List<?> list) {
            sha256.update(LIST);
            sha256.update(ByteBuffer.allocate(4).putInt(list.size()).array());
            list.forEach(this::field);
        } else {
            throw new IllegalArgumentException("a checksum field cannot be a " + field.getClass().getName());
        }
    }

    /** How many records were added. */
    public long records() {
        return records;
    }

    /** The sum of every record added so far, in hex. */
    public String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha256.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
