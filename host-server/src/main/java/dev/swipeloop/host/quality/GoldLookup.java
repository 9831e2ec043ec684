package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Verdict;

/**
 * The known answers of an app's gold (honeypot) items, as {@link dev.swipeloop.sdk.model.Item#gold()}
 * holds them. Asked once or twice per observed vote, so it should answer from memory.
 */
@FunctionalInterface
public interface GoldLookup {
    /** No item is gold: the gold rule never fires. */
    GoldLookup NONE = itemId -> null;

    /**
     * The known verdict of the item, {@code LIKE} or {@code DISLIKE}; null when the item is
     * not gold. A gold {@code SKIP} has no right answer and is treated as not gold.
     */
    Verdict goldOf(String itemId);
}
