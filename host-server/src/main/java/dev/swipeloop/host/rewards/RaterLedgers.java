package dev.swipeloop.host.rewards;

import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One app's stored ledger entries by rater and policy, read from storage the first time a rater
 * is needed and kept up to date as the engine appends. Policies read a rater's ledger for every
 * vote (caps, streaks, tiers), so the active raters stay in memory; the least recently used are
 * let go when more than {@code maxEntries} entries are held (about 150 bytes each), and read
 * again when they come back. A rater whose ledger alone is larger is read for each page.
 *
 * <p>Not thread-safe: used under the app's processing lock.
 */
final class RaterLedgers {
    private final StorageBackend storage;
    private final String appId;
    private final int maxEntries;
    private final LinkedHashMap<String, Map<String, List<LedgerEntry>>> byRater = new LinkedHashMap<>(64, 0.75f, true);
    private long held;

    RaterLedgers(StorageBackend storage, String appId, int maxEntries) {
        this.storage = storage;
        this.appId = appId;
        this.maxEntries = maxEntries;
    }

    /** The rater's stored entries from {@code policy}, in seq order; a read-only view. */
    List<LedgerEntry> entries(String rater, String policy) {
        List<LedgerEntry> entries = policies(rater).get(policy);
        return entries == null ? List.of() : Collections.unmodifiableList(entries);
    }

    /** Entries storage has just appended (with their seqs). */
    void add(List<LedgerEntry> stored) {
        for (LedgerEntry entry : stored) {
            Map<String, List<LedgerEntry>> policies = byRater.get(entry.rater());
            // A rater not in memory is read whole the next time, this entry included.
            if (policies != null) {
                policies.computeIfAbsent(entry.policy(), p -> new ArrayList<>()).add(entry);
                held++;
            }
        }
        trim(null);
    }

    void forget(String rater) {
        Map<String, List<LedgerEntry>> gone = byRater.remove(rater);
        if (gone != null) {
            held -= size(gone);
        }
    }

    void clear() {
        byRater.clear();
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

    private static long size(Map<String, List<LedgerEntry>> policies) {
        long size = 0;
        for (List<LedgerEntry> entries : policies.values()) {
            size += entries.size();
        }
        return size;
    }

    private Map<String, List<LedgerEntry>> policies(String rater) {
        Map<String, List<LedgerEntry>> policies = byRater.get(rater);
        if (policies == null) {
            policies = new LinkedHashMap<>();
            for (LedgerEntry entry : storage.ledger(appId, rater)) {
                policies.computeIfAbsent(entry.policy(), p -> new ArrayList<>()).add(entry);
                held++;
            }
            byRater.put(rater, policies);
            trim(rater);
        }
        return policies;
    }
}
