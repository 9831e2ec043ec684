package dev.swipeloop.host.http;

import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Tells whether an app has an item, for checking the items votes refer to. Items are never
 * deleted through the API, so a "yes" stays true and is remembered (in a concurrent set that
 * starts empty again past its bound); a "no" is remembered only within one batch, as the item
 * may be added any moment.
 */
final class ItemLookup {
    private static final int MAX_KNOWN = 200_000;
    private final StorageBackend storage;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    ItemLookup(StorageBackend storage) {
        this.storage = storage;
    }

    /** A check for one batch: each distinct item id is asked of storage at most once. */
    Predicate<String> forBatch(String appId) {
        Map<String, Boolean> seen = new HashMap<>();
        return itemId -> seen.computeIfAbsent(itemId, id -> exists(appId, id));
    }

    private boolean exists(String appId, String itemId) {
        String cacheKey = appId + '\u0000' + itemId;
        if (known.contains(cacheKey)) {
            return true;
        }
        boolean exists = storage.item(appId, itemId).isPresent();
        if (exists) {
            if (known.size() >= MAX_KNOWN) {
                known.clear();
            }
            known.add(cacheKey);
        }
        return exists;
    }
}
