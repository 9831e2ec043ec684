package dev.swipeloop.sdk.storage;

/**
 * Which of an app's items a deck draws from. Gold items (those with a known answer) are
 * honeypots: the host mixes them into decks at a configured rate, so it asks for them and for
 * the regular items separately.
 */
public enum ItemPool {
    /** Every item, gold or not: what {@link StorageBackend#deck(String, String, dev.swipeloop.sdk.model.VoteKind, int)} returns. */
    ALL,
    /** Only items with a gold answer. */
    GOLD,
    /** Only items without a gold answer. */
    REGULAR
}
