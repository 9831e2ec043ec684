package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/** The latest run of UTC days on which a rater's votes earned points from one policy, for streaks. */
final class RewardedDays {
    private final NavigableSet<Long> days;

    private RewardedDays(NavigableSet<Long> days) {
        this.days = days;
    }

    /**
     * The days of the entries whose reason is {@code voteReason}, as far back as the latest run
     * of consecutive days goes: older days, behind a gap, make no streak. Read from the newest
     * entry back, so a long history costs no more than its last streak.
     */
    static RewardedDays of(List<LedgerEntry> entries, String voteReason) {
        NavigableSet<Long> days = new TreeSet<>();
        long lowest = Long.MAX_VALUE;
        for (int i = entries.size() - 1; i >= 0; i--) {
            LedgerEntry entry = entries.get(i);
            if (!voteReason.equals(entry.reason())) {
                continue;
            }
            long day = UtcDays.of(entry.at());
            if (!days.isEmpty() && day < lowest - 1) {
                break; // a day missing below the run: nothing older joins it
            }
            days.add(day);
            lowest = Math.min(lowest, day);
        }
        return new RewardedDays(days);
    }

    boolean contains(long day) {
        return days.contains(day);
    }

    /** How many consecutive rewarded days end at {@code day}: 0 when {@code day} was not rewarded. */
    int runEndingAt(long day) {
        int run = 0;
        while (days.contains(day - run)) {
            run++;
        }
        return run;
    }

    /**
     * The streak a rater holds on {@code today}: the run ending at their last rewarded day up
     * to today, while that day is today or yesterday (today's vote may still come); else 0.
     */
    int currentStreak(long today) {
        Long last = days.floor(today);
        if (last == null || last < today - 1) {
            return 0;
        }
        return runEndingAt(last);
    }
}
