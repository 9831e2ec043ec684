package dev.swipeloop.host.rewards;

import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.reward.LedgerView;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The ledger as a policy sees it while a batch of votes is paid: the stored entries plus those
 * made earlier in the batch, which are stored together with the batch's cursor move. So the
 * second vote of a batch sees the first one's points, exactly as if each vote were stored on
 * its own: how votes are grouped into batches never changes the ledger.
 */
final class PendingLedger implements LedgerView {
    private final String appId;
    private final BiFunction<String, String, List<LedgerEntry>> stored;
    private final List<LedgerEntry> pending = new ArrayList<>();
    /** The same entries by rater and policy: a page of thousands of votes asks for one rater's at a time. */
    private final Map<String, Map<String, List<LedgerEntry>>> byRater = new HashMap<>();

    /** @param stored the stored entries of (rater, policy), in seq order */
    PendingLedger(String appId, BiFunction<String, String, List<LedgerEntry>> stored) {
        this.appId = appId;
        this.stored = stored;
    }

    void add(LedgerEntry entry) {
        pending.add(entry);
        byRater.computeIfAbsent(entry.rater(), r -> new HashMap<>(4))
                .computeIfAbsent(entry.policy(), p -> new ArrayList<>(2)).add(entry);
    }

    /** Every entry made since this ledger was opened, in order. */
    List<LedgerEntry> pending() {
        return List.copyOf(pending);
    }

    /** Sums of a long stored history straight from its columns; the page's few entries added. */
    @Override
    public long points(String app, String rater, String policy) {
        if (!appId.equals(app)) {
            return 0;
        }
        List<LedgerEntry> base = stored.apply(rater, policy);
        if (!(base instanceof CompactEntries columns)) {
            return LedgerView.super.points(app, rater, policy);
        }
        long sum = columns.points();
        for (LedgerEntry entry : pendingOf(rater, policy)) {
            sum += entry.points();
        }
        return sum;
    }

    @Override
    public long vestedPoints(String app, String rater, String policy, Instant time) {
        if (!appId.equals(app)) {
            return 0;
        }
        List<LedgerEntry> base = stored.apply(rater, policy);
        if (!(base instanceof CompactEntries columns)) {
            return LedgerView.super.vestedPoints(app, rater, policy, time);
        }
        long sum = columns.vestedPoints(time);
        for (LedgerEntry entry : pendingOf(rater, policy)) {
            if (entry.vestedAt(time)) {
                sum += entry.points();
            }
        }
        return sum;
    }

    private List<LedgerEntry> pendingOf(String rater, String policy) {
        List<LedgerEntry> mine = byRater.getOrDefault(rater, Map.of()).get(policy);
        return mine == null ? List.of() : mine;
    }

    @Override
    public List<LedgerEntry> entries(String app, String rater, String policy) {
        if (!appId.equals(app)) {
            return List.of();
        }
        List<LedgerEntry> base = stored.apply(rater, policy);
        List<LedgerEntry> mine = pendingOf(rater, policy);
        if (mine.isEmpty()) {
            return base;
        }
        // A view of the stored history and the page's few entries: no copy of a long history per call.
        List<LedgerEntry> added = mine;
        return new AbstractList<>() {
            @Override
            public LedgerEntry get(int index) {
                return index < base.size() ? base.get(index) : added.get(index - base.size());
            }

            @Override
            public int size() {
                return base.size() + added.size();
            }
        };
    }
}
