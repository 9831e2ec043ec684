package dev.swipeloop.sdk.model;

/** Binary: one image, like or dislike. Pair: two images, pick one. */
public enum VoteKind {
    BINARY, PAIR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static VoteKind fromWire(String text) {
        return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
}
