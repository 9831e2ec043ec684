package dev.swipeloop.plugins.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Text as UTF-8 bytes into a buffer in front of an {@link OutputStream}, escaped for JSON or
 * CSV as it is copied. Hand-written because the JSONL export has to keep up with
 * {@code sqlite3 -json}: no {@code Writer}, no per-row {@code String} building, no reflection.
 *
 * <p>Not thread-safe: one sink per export. Holds a 64 KiB buffer; {@link #flush()} hands what
 * is buffered to the stream and flushes it, and never closes it (the host owns the stream).
 */
final class Utf8Sink {
    private static final int SIZE = 1 << 16;
    /** Room for the longest run written after one check: a UUID (36 bytes); a char takes at most 6. */
    private static final int SLACK = 40;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buf = new byte[SIZE];
    private int pos;

    Utf8Sink(OutputStream out) {
        this.out = out;
    }

    /** Encodes constants once; they are written with {@link #raw(byte[])}. */
    static byte[] ascii(String constant) {
        return constant.getBytes(StandardCharsets.US_ASCII);
    }

    void raw(byte[] bytes) throws IOException {
        if (bytes.length > SIZE - pos) {
            drain();
            if (bytes.length > SIZE) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    void raw(char asciiChar) throws IOException {
        room();
        buf[pos++] = (byte) asciiChar;
    }

    /** {@code text} as it is, UTF-8 encoded. */
    void text(String text) throws IOException {
        for (int i = 0, n = text.length(); i < n; i++) {
            room();
            i = put(text, i);
        }
    }

    /** {@code text} as a JSON string, quotes included (RFC 8259 section 7). */
    void jsonString(String text) throws IOException {
        raw('"');
        for (int i = 0, n = text.length(); i < n; i++) {
            room();
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                buf[pos++] = '\\';
                buf[pos++] = (byte) c;
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                escapeControl(c);
            } else {
                i = put(text, i);
            }
        }
        raw('"');
    }

    /** {@code text} as one RFC 4180 field: quoted, quotes doubled, when it holds a comma, quote, CR or LF. */
    void csvField(String text) throws IOException {
        if (!needsQuotes(text)) {
            text(text);
            return;
        }
        raw('"');
        for (int i = 0, n = text.length(); i < n; i++) {
            room();
            if (text.charAt(i) == '"') {
                buf[pos++] = '"';
            }
            i = put(text, i);
        }
        raw('"');
    }

    void decimal(long value) throws IOException {
        if (value == Long.MIN_VALUE) {
            raw(LONG_MIN);
            return;
        }
        room();
        if (value < 0) {
            buf[pos++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        for (int at = pos + digits - 1; at >= pos; at--) {
            buf[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        pos += digits;
    }

    /** {@code uuid} in its canonical lower-case 8-4-4-4-12 form, as {@link UUID#toString()} gives. */
    void uuid(UUID uuid) throws IOException {
        room();
        long hi = uuid.getMostSignificantBits();
        long lo = uuid.getLeastSignificantBits();
        hex(hi >>> 32, 8);
        buf[pos++] = '-';
        hex(hi >>> 16, 4);
        buf[pos++] = '-';
        hex(hi, 4);
        buf[pos++] = '-';
        hex(lo >>> 48, 4);
        buf[pos++] = '-';
        hex(lo, 12);
    }

    /** Writes {@code count} of the digits {@code 0..9} taken from {@code value}, zero-padded. */
    void digits(int value, int count) throws IOException {
        room();
        for (int at = pos + count - 1; at >= pos; at--) {
            buf[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        pos += count;
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts the code point at {@code i} as UTF-8 and returns the index of its last char (a
     * surrogate pair is two). A lone surrogate cannot be encoded and becomes U+FFFD, the
     * replacement character (the JDK's encoder writes {@code ?}, which reads as real text).
     */
    private int put(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x80) {
            buf[pos++] = (byte) c;
        } else if (c < 0x800) {
            buf[pos++] = (byte) (0xc0 | c >> 6);
            buf[pos++] = (byte) (0x80 | c & 0x3f);
        } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, text.charAt(i + 1));
            buf[pos++] = (byte) (0xf0 | cp >> 18);
            buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3f);
            buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3f);
            buf[pos++] = (byte) (0x80 | cp & 0x3f);
            return i + 1;
        } else {
            int cp = Character.isSurrogate(c) ? 0xfffd : c;
            buf[pos++] = (byte) (0xe0 | cp >> 12);
            buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3f);
            buf[pos++] = (byte) (0x80 | cp & 0x3f);
        }
        return i;
    }

    private void escapeControl(char c) {
        buf[pos++] = '\\';
        switch (c) {
            case '\n' -> buf[pos++] = 'n';
            case '\r' -> buf[pos++] = 'r';
            case '\t' -> buf[pos++] = 't';
            case '\b' -> buf[pos++] = 'b';
            case '\f' -> buf[pos++] = 'f';
            default -> {
                buf[pos++] = 'u';
                hex(c, 4);
            }
        }
    }

    private void hex(long value, int count) {
        for (int at = pos + count - 1; at >= pos; at--) {
            buf[at] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        pos += count;
    }

    private void room() throws IOException {
        if (pos > SIZE - SLACK) {
            drain();
        }
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }
}
