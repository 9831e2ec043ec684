package dev.swipeloop.host.export;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The items an export joins to its votes, fetched a page at a time ({@link StorageBackend#items})
 * and kept in a bounded LRU: votes cluster on the items currently in decks, so most pages need
 * few look-ups, and memory stays bounded however many items the app has.
 */
final class ItemCache {
    private static final int CAPACITY = 20_000;
    private final StorageBackend storage;
    private final String appId;
    private final String imageUrlBase;
    private final Map<String, Item> items = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Item> eldest) {
            return size() > CAPACITY;
        }
    };

    ItemCache(StorageBackend storage, String appId, String imageUrlBase) {
        this.storage = storage;
        this.appId = appId;
        this.imageUrlBase = imageUrlBase == null ? null : imageUrlBase.replaceAll("/+$", "");
    }

    /** Makes sure the given ids are loaded (those that exist): one storage call for the missing ones. */
    void load(Collection<String> ids) {
        Set<String> missing = new HashSet<>();
        for (String id : ids) {
            if (!items.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            storage.items(appId, missing).forEach((id, item) -> items.put(id, absolute(item)));
        }
    }

    /** The item with a path-only image URL ({@code /media/…}) made absolute, when a base is known. */
    private Item absolute(Item item) {
        String url = item.imageUrl();
        if (imageUrlBase == null || url == null || !url.startsWith("/") || url.startsWith("//")) {
            return item;
        }
        return new Item(item.appId(), item.id(), imageUrlBase + url, item.provenance(), item.group(), item.gold(),
                item.updatedAt());
    }

    /** The item, loading it alone if it is not in the cache; null when it does not exist. */
    Item require(String id) {
        load(java.util.List.of(id));
        return get(id);
    }

    /** The item, or null when it does not exist (or was not loaded). */
    Item get(String id) {
        return id == null ? null : items.get(id);
    }
}
