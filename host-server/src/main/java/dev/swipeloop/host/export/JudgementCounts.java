package dev.swipeloop.host.export;

import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How often each item was judged, for the {@code minVotes} filter. Read from storage the first
 * time an item shows up and then kept for the whole export (it grows with the items exported,
 * not the votes), so that a second pass over the rows decides exactly as the first did even
 * while new votes arrive.
 */
final class JudgementCounts {
    private final StorageBackend storage;
    private final String appId;
    private final Map<String, Long> counts = new HashMap<>();

    JudgementCounts(StorageBackend storage, String appId) {
        this.storage = storage;
        this.appId = appId;
    }

    void load(Collection<String> ids) {
        Set<String> missing = new HashSet<>();
        for (String id : ids) {
            if (!counts.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Long> found = storage.judgements(appId, missing);
            for (String id : missing) {
                counts.put(id, found.getOrDefault(id, 0L));
            }
        }
    }

    long of(String id) {
        return counts.getOrDefault(id, 0L);
    }
}
