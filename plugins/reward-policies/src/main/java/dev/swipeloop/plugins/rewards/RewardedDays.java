package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/** The UTC days on which a rater's votes earned points from one policy, for streaks. */
final class RewardedDays {
    private final NavigableSet<Long> days;

    private RewardedDays(NavigableSet<Long> days) {
        this.days = days;
    }

    /** The days of the entries whose reason is {@code voteReason}. */
    static RewardedDays of(List<LedgerEntry> entries, String voteReason) {
        NavigableSet<Long> days = new TreeSet<>();
        for (LedgerEntry entry : entries) {
            if (entry.reason().equals(voteReason)) {
                days.add(UtcDays.of(entry.at()));
            }
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
