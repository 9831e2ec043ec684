package dev.swipeloop.sdk.storage;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Makes UUIDv7 ids (RFC 9562) as the widget does: 48 bits of Unix milliseconds, then random
 * bits, so ids sort roughly in creation order. Within one millisecond the 12-bit
 * {@code rand_a} field counts up, so ids made by one generator are strictly increasing
 * (method 1 of RFC 9562, section 6.2). Thread-safe.
 */
public final class UuidV7 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static int counter;

    private UuidV7() {
    }

    public static UUID next() {
        long millis;
        int count;
        synchronized (UuidV7.class) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter > 0xFFF) {
                    millis++;
                    counter = 0;
                }
            } else {
                counter = 0;
            }
            lastMillis = millis;
            count = counter;
        }
        long msb = (millis << 16) | 0x7000L | count;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
