package dev.swipeloop.sdk.model;

/** The answer to one image in binary mode. */
public enum Verdict {
    LIKE, DISLIKE, SKIP;

    /** The spelling used on the wire and in storage: {@code like}, {@code dislike}, {@code skip}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Verdict fromWire(String text) {
        return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
}
