package dev.swipeloop.host.hosts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A wall clock and a monotonic one that move together, only when a test says so. */
final class FakeTime extends Clock {
    private volatile Instant now = Instant.parse("2026-03-01T12:00:00Z");
    private volatile long nanos = 1_000_000_000L;

    void advance(Duration by) {
        now = now.plus(by);
        nanos += by.toNanos();
    }

    long nanos() {
        return nanos;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
