package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WilsonTest {
    private static final double Z = 1.96;

    @Test
    void allLikesFromOneVoteGiveOneOverOnePlusZSquared() {
        // p̂ = 1, n = 1: (1 + z²/2 − z·sqrt(z²/4)) / (1 + z²) = 1 / (1 + z²).
        assertEquals(1 / (1 + Z * Z), Wilson.lowerBound(1, 1, Z), 1e-15);
        assertEquals(0.20654329147389294, Wilson.lowerBound(1, 1, Z), 1e-12);
    }

    @Test
    void noLikesGiveZeroToZSquaredOverNPlusZSquared() {
        // p̂ = 0: the lower end is 0 and the upper (z²/n) / (1 + z²/n).
        Interval interval = Wilson.interval(0, 10, Z);
        assertEquals(0, interval.lower());
        assertEquals((Z * Z / 10) / (1 + Z * Z / 10), interval.upper(), 1e-15);
    }

    @Test
    void ninetyOfAHundredMatchesTheFormulaAndOutranksOneOfOne() {
        Interval interval = Wilson.interval(90, 100, Z);
        assertEquals(0.8256326956323347, interval.lower(), 1e-12);
        assertEquals(0.9447714583868638, interval.upper(), 1e-12);
        assertTrue(Wilson.lowerBound(90, 100, Z) > Wilson.lowerBound(1, 1, Z));
    }

    @Test
    void anEvenSplitIsSymmetricAroundOneHalf() {
        Interval interval = Wilson.interval(5, 10, Z);
        assertEquals(1, interval.lower() + interval.upper(), 1e-15);
    }

    @Test
    void noVotesMeanNothingIsKnown() {
        assertEquals(0, Wilson.lowerBound(0, 0, Z));
        assertEquals(new Interval(0, 1), Wilson.interval(0, 0, Z));
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.lowerBound(3, 2, Z));
        assertThrows(IllegalArgumentException.class, () -> Wilson.lowerBound(-1, 2, Z));
        assertThrows(IllegalArgumentException.class, () -> Wilson.lowerBound(1, 2, Double.NaN));
    }
}
