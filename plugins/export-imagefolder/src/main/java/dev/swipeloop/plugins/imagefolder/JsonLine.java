package dev.swipeloop.plugins.imagefolder;

/**
 * One JSON object on one line, built field by field: a row of {@code metadata.jsonl}. Strings are
 * escaped per RFC 8259 (quote, backslash and control characters; a newline in a prompt becomes
 * {@code \n}, so a row never spans two lines); other characters are kept as they are and the
 * line is written as UTF-8. Not thread-safe; one instance per row.
 */
final class JsonLine {
    private final StringBuilder text = new StringBuilder(160).append('{');

    JsonLine string(String name, String value) {
        key(name);
        quoted(value);
        return this;
    }

    JsonLine number(String name, long value) {
        key(name);
        text.append(value);
        return this;
    }

    /** The object, closed, without a line break. */
    @Override
    public String toString() {
        return text + "}";
    }

    private void key(String name) {
        if (text.length() > 1) {
            text.append(',');
        }
        quoted(name);
        text.append(':');
    }

    private void quoted(String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        text.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // A lone surrogate cannot be encoded as UTF-8: the writer would fail the
                        // whole export on one odd prompt. It becomes U+FFFD, as decoders do.
                        text.append('\uFFFD');
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
