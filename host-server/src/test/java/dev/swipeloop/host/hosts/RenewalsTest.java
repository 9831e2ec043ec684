package dev.swipeloop.host.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenewalsTest {
    @Test
    void aRenewalThatBlocksHoldsUpNoOtherAndIsNotStartedTwice() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        AtomicInteger blockedStarts = new AtomicInteger();
        CountDownLatch othersRan = new CountDownLatch(5);
        try (Renewals renewals = new Renewals()) {
            renewals.every(Duration.ZERO, Duration.ofMillis(20), () -> {
                blockedStarts.incrementAndGet();
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            renewals.every(Duration.ofMillis(5), Duration.ofMillis(20), othersRan::countDown);
            assertTrue(othersRan.await(5, TimeUnit.SECONDS), "the other renewal kept running");
            assertEquals(1, blockedStarts.get(), "the blocked renewal was not started again while it ran");
            unblock.countDown();
        }
    }
}
