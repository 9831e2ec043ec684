package dev.swipeloop.host.rewards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.ToLongFunction;

/**
 * The points one app's raters have been paid together on a UTC day, for the app's daily cap
 * ({@code rewards.appDailyCap}); clawbacks do not give the day room back. The day is the
 * vote's, not the clock's, so replays agree. The total is read from the ledger when the day
 * changes (or after a failed write), then counted along.
 */
final class AppDayTotal {
    private final ToLongFunction<Instant> pointsSince;
    private LocalDate day;
    private long points;

    /** @param pointsSince the app's positive points in entries made at or after the given instant */
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
            // Read first: a failed read leaves the old day, to be read again, not a wrong total.
            points = pointsSince.applyAsLong(voteDay.atStartOfDay(ZoneOffset.UTC).toInstant());
            day = voteDay;
        }
        long allowed = cap <= 0 ? wanted : Math.max(0, Math.min(wanted, cap - points));
        points += allowed;
        return allowed;
    }

    /** Forgets the count: read again from the ledger on the next vote. */
    void reset() {
        day = null;
    }
}
