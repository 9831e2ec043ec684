package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A sequence worked by hand with FastChat's compute_elo update (K = 4, scale 400, base 10). */
class EloTest {

    @Test
    void handComputedSequence() {
        Elo elo = new Elo();

        // 1. a beats b, both at 1000: expected 0.5 each, so a +4·0.5, b −4·0.5.
        elo.record("a", "b", 1);
        assertEquals(1002, elo.rating("a"), 1e-12);
        assertEquals(998, elo.rating("b"), 1e-12);

        // 2. b beats a. E_a = 1 / (1 + 10^((998 − 1002)/400)) = 1 / (1 + 10^−0.01) = 0.50575621…
        double expectedA = 1 / (1 + Math.pow(10, -0.01));
        assertEquals(0.50575621, expectedA, 1e-8);
        elo.record("a", "b", 0);
        assertEquals(1002 - 4 * expectedA, elo.rating("a"), 1e-12); // 999.97697…
        assertEquals(998 + 4 * expectedA, elo.rating("b"), 1e-12); // 1000.02302…

        // 3. c (new, 1000) ties with a, who is 0.023 below: E_c ≈ 0.5 + ln10·0.023/1600 = 0.5000331,
        //    so c loses 4·0.0000331 and a gains it.
        double ratingA = elo.rating("a");
        double expectedC = 1 / (1 + Math.pow(10, (ratingA - 1000) / 400));
        elo.record("c", "a", 0.5);
        assertEquals(1000 + 4 * (0.5 - expectedC), elo.rating("c"), 1e-12);
        assertEquals(ratingA + 4 * (expectedC - 0.5), elo.rating("a"), 1e-12);
        assertEquals(999.99987, elo.rating("c"), 1e-5);

        assertEquals(List.of("a", "b", "c"), List.copyOf(elo.ratings().keySet()));
        assertEquals(3000, elo.ratings().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void unseenPlayersHaveTheInitialRating() {
        assertEquals(1500, new Elo(32, 400, 10, 1500).rating("nobody"));
    }

    @Test
    void scoresOtherThanWinLossOrTieAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Elo().record("a", "b", 0.7));
        assertThrows(IllegalArgumentException.class, () -> new Elo().record("a", "a", 1));
    }
}
