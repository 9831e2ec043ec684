package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong clock = new AtomicLong();

    @Test
    void aBurstIsAllowedThenTheRateWithRetryAfterInWholeSeconds() {
        RateLimiter limiter = new RateLimiter(2, 5, 100, () -> 1, clock::get);
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryAcquire("k").allowed(), "request " + i);
        }
        RateLimiter.Decision refused = limiter.tryAcquire("k");
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        assertTrue(limiter.tryAcquire("other").allowed(), "buckets are per name");

        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(500)); // 2/s: one token back
        assertTrue(limiter.tryAcquire("k").allowed());
        assertFalse(limiter.tryAcquire("k").allowed());
    }

    @Test
    void aSlowRateAsksForALongerWait() {
        RateLimiter limiter = new RateLimiter(1, 1, 100, () -> 1, clock::get);
        assertTrue(limiter.tryAcquire("k").allowed());
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        assertEquals(1, limiter.tryAcquire("k").retryAfterSeconds());
    }

    @Test
    void idleBucketsRefillOnlyUpToTheBurst() {
        RateLimiter limiter = new RateLimiter(10, 3, 100, () -> 1, clock::get);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("k");
        }
        clock.addAndGet(TimeUnit.HOURS.toNanos(1));
        int allowed = 0;
        while (limiter.tryAcquire("k").allowed()) {
            allowed++;
        }
        assertEquals(3, allowed);
    }

    @Test
    void aSprayOfAddressesCannotGrowTheMapPastItsBound() {
        RateLimiter limiter = new RateLimiter(1, 1, 1000, () -> 1, clock::get);
        for (int i = 0; i < 50_000; i++) {
            limiter.tryAcquire("10.0." + (i / 256) + "." + (i % 256));
        }
        assertTrue(limiter.size() <= 1000 && limiter.size() > 800, "bounded: " + limiter.size());
    }

    @Test
    void eachOfSeveralHostsAllowsItsShareOfTheRateAndBurst() {
        java.util.concurrent.atomic.AtomicInteger hosts = new java.util.concurrent.atomic.AtomicInteger(4);
        RateLimiter limiter = new RateLimiter(100, 40, 100, hosts::get, clock::get);
        int allowed = 0;
        while (limiter.tryAcquire("k").allowed()) {
            allowed++;
        }
        assertEquals(10, allowed, "a burst of 40 over 4 hosts");
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100)); // 25/s here: 2.5 tokens
        assertTrue(limiter.tryAcquire("k").allowed());
        assertTrue(limiter.tryAcquire("k").allowed());
        assertFalse(limiter.tryAcquire("k").allowed());

        hosts.set(1); // the others stopped: the whole limit is this host's again
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        allowed = 0;
        while (limiter.tryAcquire("k").allowed()) {
            allowed++;
        }
        assertEquals(40, allowed);
    }

    @Test
    void aShareNeverFallsBelowOneRequestPerSecond() {
        RateLimiter limiter = new RateLimiter(2, 2, 100, () -> 5, clock::get);
        assertTrue(limiter.tryAcquire("k").allowed(), "a burst of at least 1");
        assertFalse(limiter.tryAcquire("k").allowed());
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertTrue(limiter.tryAcquire("k").allowed(), "at least 1 token per second");
    }
}
