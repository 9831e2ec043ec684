package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArenaRankTest {

    @Test
    void rankIsOnePlusTheOthersWhoseLowerBoundIsAboveThisUpperBound() {
        //            A     B     C     D     E
        double[] lower = {1200, 1180, 1100, 1120, 900};
        double[] upper = {1250, 1230, 1150, 1190, 1000};
        // A: nobody's lower bound is above 1250 → 1. B: A's 1200 is not above 1230 → 1.
        // C: A (1200) and B (1180) are above 1150 → 3. D: only A is above 1190 → 2. E: all four → 5.
        assertArrayEquals(new int[] {1, 1, 3, 2, 5}, ArenaRank.ranks(lower, upper));
    }

    @Test
    void aLowerBoundEqualToTheUpperBoundDoesNotCount() {
        assertArrayEquals(new int[] {1, 1}, ArenaRank.ranks(new double[] {1100, 1000}, new double[] {1200, 1100}));
    }

    @Test
    void matchesArenasDoubleLoopOnRandomIntervals() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 300;
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = Math.rint(800 + 400 * random.nextDouble());
            upper[i] = lower[i] + Math.rint(80 * random.nextDouble());
        }
        int[] expected = new int[n];
        for (int a = 0; a < n; a++) {
            expected[a] = 1;
            for (int b = 0; b < n; b++) {
                if (a != b && lower[b] > upper[a]) {
                    expected[a]++;
                }
            }
        }
        assertArrayEquals(expected, ArenaRank.ranks(lower, upper));
    }

    @Test
    void boundsThatAreNotIntervalsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ArenaRank.ranks(new double[] {2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> ArenaRank.ranks(new double[] {1, 2}, new double[] {3}));
        assertThrows(IllegalArgumentException.class, () -> ArenaRank.ranks(new double[] {Double.NaN}, new double[] {1}));
    }
}
