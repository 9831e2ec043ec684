package dev.swipeloop.host.rewards;

import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One app's stored ledger entries by rater and policy, read from storage the first time a rater
 * is needed and kept up to date as the engine appends. Policies read a rater's ledger for every
 * vote (caps, streaks, tiers), so the active raters stay in memory; the least recently used are
 * let go when more than {@code maxEntries} entries are held (about 60 bytes each, see
 * {@link CompactEntries}), and read
 * again when they come back. A rater whose ledger alone is larger is read for each page.
 *
 * <p>Not thread-safe: used under the app's processing lock.
 */
final class RaterLedgers {
    private final StorageBackend storage;
    private final String appId;
    private final int maxEntries;
    private final LinkedHashMap<String, Map<String, CompactEntries>> byRater = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, String> reasons = new HashMap<>();
    private long held;

    RaterLedgers(StorageBackend storage, String appId, int maxEntries) {
        this.storage = storage;
        this.appId = appId;
        this.maxEntries = maxEntries;
    }

    /** The rater's stored entries from {@code policy}, in seq order; read-only. */
    List<LedgerEntry> entries(String rater, String policy) {
        CompactEntries entries = policies(rater).get(policy);
        // A CompactEntries is read-only to its users (AbstractList refuses changes): no wrapper,
        // so that PendingLedger can sum its columns without making records.
        return entries == null ? List.of() : entries;
    }

    /** Entries storage has just appended (with their seqs). */
    void add(List<LedgerEntry> stored) {
        for (LedgerEntry entry : stored) {
            Map<String, CompactEntries> policies = byRater.get(entry.rater());
            // A rater not in memory is read whole the next time, this entry included.
            if (policies != null) {
                column(policies, entry).append(entry);
                held++;
            }
        }
        trim(null);
    }

    void forget(String rater) {
        Map<String, CompactEntries> gone = byRater.remove(rater);
        if (gone != null) {
            held -= size(gone);
        }
    }

    void clear() {
        byRater.clear();
        reasons.clear();
        held = 0;
    }

    /** Lets the least recently used raters go until the bound holds, {@code keep} (in use) last. */
    private void trim(String keep) {
        var eldest = byRater.entrySet().iterator();
        while (held > maxEntries && eldest.hasNext()) {
            var next = eldest.next();
            if (!next.getKey().equals(keep)) {
                held -= size(next.getValue());
                eldest.remove();
            }
        }
    }

    private static long size(Map<String, CompactEntries> policies) {
        long size = 0;
        for (CompactEntries entries : policies.values()) {
            size += entries.size();
        }
        return size;
    }

    private CompactEntries column(Map<String, CompactEntries> policies, LedgerEntry entry) {
        return policies.computeIfAbsent(entry.policy(), p -> new CompactEntries(appId, entry.rater(), p, reasons));
    }

    private Map<String, CompactEntries> policies(String rater) {
        Map<String, CompactEntries> policies = byRater.get(rater);
        if (policies == null) {
            policies = new HashMap<>(4);
            for (LedgerEntry entry : storage.ledger(appId, rater)) {
                column(policies, entry).append(entry);
                held++;
            }
            byRater.put(rater, policies);
            trim(rater);
        }
        return policies;
    }
}
