package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.time.Instant;
import java.util.List;

/**
 * A per-rater cap on the points one policy pays for votes in one UTC day. It counts the
 * policy's own vote entries made on the day of {@code now}; bonuses and clawbacks do not
 * count, so a clawback never reopens a day that was capped.
 */
final class DailyCap {
    private DailyCap() {
    }

    /**
     * What a vote that would earn {@code wanted} may earn under {@code cap} (0 = no cap): all
     * of it, what is left of the cap, or 0 once the cap is reached.
     */
    static long allowance(List<LedgerEntry> past, String voteReason, Instant now, long cap, long wanted) {
        if (cap == 0) {
            return wanted;
        }
        long today = UtcDays.of(now);
        long earnedToday = 0;
        // Newest first, until a day before yesterday: entries come in seq order, which can differ
        // from their times by the moments a commit takes, never by a day.
        for (int i = past.size() - 1; i >= 0; i--) {
            LedgerEntry entry = past.get(i);
            long day = UtcDays.of(entry.at());
            if (day < today - 1) {
                break;
            }
            if (day == today && voteReason.equals(entry.reason())) {
                earnedToday += entry.points();
            }
        }
        return Math.max(0, Math.min(wanted, cap - earnedToday));
    }
}
