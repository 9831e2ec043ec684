package dev.swipeloop.host.export;

import dev.swipeloop.sdk.model.Item;

/**
 * The prompt group of an item, which splits and derived pairs go by: its {@code group} when the
 * app set one, else its prompt, else (nothing to group by) the item itself.
 */
final class GroupKey {
    private GroupKey() {
    }

    static String of(Item item, String itemId) {
        if (item == null) {
            return "item:" + itemId;
        }
        if (item.group() != null) {
            return "group:" + item.group();
        }
        if (item.provenance().prompt() != null) {
            return "prompt:" + item.provenance().prompt();
        }
        return "item:" + item.id();
    }
}
