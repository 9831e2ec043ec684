package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.reward.LedgerView;
import java.util.ArrayList;
import java.util.List;

/** The ledger as storage keeps it, in memory: entries in append order, seqs assigned on append. */
final class InMemoryLedger implements LedgerView {
    private final List<LedgerEntry> entries = new ArrayList<>();

    void append(List<LedgerEntry> added) {
        for (LedgerEntry entry : added) {
            entries.add(entry.withSeq(entries.size() + 1L));
        }
    }

    List<LedgerEntry> all() {
        return List.copyOf(entries);
    }

    @Override
    public List<LedgerEntry> entries(String appId, String rater, String policy) {
        return entries.stream()
                .filter(e -> e.appId().equals(appId) && e.rater().equals(rater) && e.policy().equals(policy))
                .toList();
    }
}
