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
 * let go beyond {@code maxRaters} and read again when they come back.
 *
 * <p>Not thread-safe: used under the app's processing lock.
 */
final class RaterLedgers {
    private final StorageBackend storage;
    private final String appId;
    private final Map<String, Map<String, List<LedgerEntry>>> byRater;

    RaterLedgers(StorageBackend storage, String appId, int maxRaters) {
        this.storage = storage;
        this.appId = appId;
        this.byRater = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, List<LedgerEntry>>> eldest) {
                return size() > maxRaters;
            }
        };
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
            }
        }
    }

    void forget(String rater) {
        byRater.remove(rater);
    }

    void clear() {
        byRater.clear();
    }

    private Map<String, List<LedgerEntry>> policies(String rater) {
        Map<String, List<LedgerEntry>> policies = byRater.get(rater);
        if (policies == null) {
            policies = new LinkedHashMap<>();
            for (LedgerEntry entry : storage.ledger(appId, rater)) {
                policies.computeIfAbsent(entry.policy(), p -> new ArrayList<>()).add(entry);
            }
            byRater.put(rater, policies);
        }
        return policies;
    }
}
