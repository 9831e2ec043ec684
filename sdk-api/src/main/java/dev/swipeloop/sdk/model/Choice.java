package dev.swipeloop.sdk.model;

/** The answer to a pair, relative to the order shown: left, right, a tie, or no answer. */
public enum Choice {
    LEFT, RIGHT, TIE, SKIP;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Choice fromWire(String text) {
        return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
}
