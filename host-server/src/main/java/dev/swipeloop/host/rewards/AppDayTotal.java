package dev.swipeloop.host.rewards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.ToLongFunction;

/**
 * The points one app's raters have earned together on a UTC day, for the app's daily cap
 * ({@code rewards.appDailyCap}). The day is the vote's, not the clock's, so replays agree. The
 * total is read from the ledger when the day changes (or after a failed write), then counted
 * along.
 */
final class AppDayTotal {
    private final ToLongFunction<Instant> pointsSince;
    private LocalDate day;
    private long points;

    /** @param pointsSince the app's points in entries made at or after the given instant */
    AppDayTotal(ToLongFunction<Instant> pointsSince) {
        this.pointsSince = pointsSince;
    }

    /**
     * How much of {@code wanted} (positive) points earned at {@code at} fit under {@code cap}
     * (0: no cap), counted as earned.
     */
    long allow(Instant at, long wanted, long cap) {
        LocalDate voteDay = at.atZone(ZoneOffset.UTC).toLocalDate();
        if (!voteDay.equals(day)) {
            day = voteDay;
            points = pointsSince.applyAsLong(voteDay.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        long allowed = cap <= 0 ? wanted : Math.max(0, Math.min(wanted, cap - points));
        points += allowed;
        return allowed;
    }

    /** Counts points that need no allowance (clawbacks) on the current day. */
    void counted(Instant at, long delta) {
        if (at.atZone(ZoneOffset.UTC).toLocalDate().equals(day)) {
            points += delta;
        }
    }

    /** Forgets the count: read again from the ledger on the next vote. */
    void reset() {
        day = null;
    }
}
