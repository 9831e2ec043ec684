package dev.swipeloop.plugins.rewards;

import java.time.Instant;

/** Days as the policies count them: UTC calendar days, numbered from 1970-01-01. */
final class UtcDays {
    private static final long SECONDS_PER_DAY = 86_400;

    private UtcDays() {
    }

    /** The UTC day {@code time} falls on (Java time has no leap seconds, so every day is 86,400 s). */
    static long of(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), SECONDS_PER_DAY);
    }
}
