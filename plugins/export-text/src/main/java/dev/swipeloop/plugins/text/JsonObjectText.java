package dev.swipeloop.plugins.text;

/**
 * Checks that an item's {@code paramsJson} is one JSON object (RFC 8259) before the JSONL
 * writer embeds it as is: one malformed value would otherwise break the whole line, and with
 * it every reader of the file. The host's item API only stores objects, compactly written, so
 * this is a guard against other writers of the store, not a parser. The static methods are
 * safe from any thread; an instance is one check's cursor.
 */
final class JsonObjectText {
    /** Deeper nesting than any sampler settings need; the check recurses, so it is bounded. */
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    private JsonObjectText(String text) {
        this.text = text;
    }

    /** Whether {@code text} is exactly one JSON object, with optional whitespace around it. */
    static boolean isObject(String text) {
        JsonObjectText check = new JsonObjectText(text);
        check.blank();
        if (check.at >= text.length() || text.charAt(check.at) != '{' || !check.value(0)) {
            return false;
        }
        check.blank();
        return check.at == text.length();
    }

    /** A valid JSON text on one line: its only CR and LF are whitespace, and a space does as well. */
    static String oneLine(String validJson) {
        if (validJson.indexOf('\n') < 0 && validJson.indexOf('\r') < 0) {
            return validJson;
        }
        return validJson.replace('\n', ' ').replace('\r', ' ');
    }

    private boolean value(int depth) {
        if (at >= text.length() || depth > MAX_DEPTH) {
            return false;
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> members(depth);
            case '[' -> elements(depth);
            case '"' -> string();
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> number();
        };
    }

    private boolean members(int depth) {
        at++;
        blank();
        if (next('}')) {
            return true;
        }
        do {
            blank();
            if (at >= text.length() || text.charAt(at) != '"' || !string()) {
                return false;
            }
            blank();
            if (!next(':')) {
                return false;
            }
            blank();
            if (!value(depth + 1)) {
                return false;
            }
            blank();
        } while (next(','));
        return next('}');
    }

    private boolean elements(int depth) {
        at++;
        blank();
        if (next(']')) {
            return true;
        }
        do {
            blank();
            if (!value(depth + 1)) {
                return false;
            }
            blank();
        } while (next(','));
        return next(']');
    }

    private boolean string() {
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (at >= text.length()) {
                    return false;
                }
                char escaped = text.charAt(at++);
                if (escaped == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (at >= text.length() || Character.digit(text.charAt(at++), 16) < 0) {
                            return false;
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
    private boolean number() {
        next('-');
        if (!next('0') && digits() == 0) {
            return false;
        }
        if (next('.') && digits() == 0) {
            return false;
        }
        if (next('e') || next('E')) {
            if (!next('+')) {
                next('-');
            }
            return digits() > 0;
        }
        return true;
    }

    private int digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - start;
    }

    private boolean word(String word) {
        if (text.startsWith(word, at)) {
            at += word.length();
            return true;
        }
        return false;
    }

    private boolean next(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void blank() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }
}
