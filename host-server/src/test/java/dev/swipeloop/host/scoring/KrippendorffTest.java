package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KrippendorffTest {

    @Test
    void krippendorffsBinaryTwoObserverExample() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", binary data, two observers:
        //   A: 0 1 0 0 0 0 0 0 1 0
        //   B: 1 1 1 0 0 1 0 0 0 0
        // Coincidences o00 = 10, o11 = 2, o01 = o10 = 4; n0 = 14, n1 = 6, n = 20;
        // α = 1 − (n − 1)·o01 / (n0·n1) = 1 − 19·4/84 = 0.095.
        long[] likes = {1, 2, 1, 0, 0, 1, 0, 0, 1, 0};
        long[] dislikes = {1, 0, 1, 2, 2, 1, 2, 2, 1, 2};
        assertEquals(1 - 76.0 / 84, Krippendorff.alphaNominal(likes, dislikes), 1e-15);
        assertEquals(0.095, Krippendorff.alphaNominal(likes, dislikes), 5e-4);
    }

    @Test
    void unitsOfDifferentSizesAndAnUnpairableOne() {
        // (2 likes, 1 dislike): o10 += 2·1/2 = 1. (1, 1): o10 += 1. (3, 0): nothing. (0, 1): one value, left out.
        // n1 = 6, n0 = 2, n = 8: α = 1 − 7·2 / (6·2) = −1/6.
        double alpha = Krippendorff.alphaNominal(new long[] {2, 1, 3, 0}, new long[] {1, 1, 0, 1});
        assertEquals(-1.0 / 6, alpha, 1e-15);
    }

    @Test
    void matchesTheDefinitionOverEveryPairOfValues() {
        SplittableRandom random = new SplittableRandom(12);
        int units = 40;
        long[] likes = new long[units];
        long[] dislikes = new long[units];
        for (int u = 0; u < units; u++) {
            double bias = random.nextDouble();
            int values = random.nextInt(6);
            for (int v = 0; v < values; v++) {
                if (random.nextDouble() < bias) {
                    likes[u]++;
                } else {
                    dislikes[u]++;
                }
            }
        }
        assertEquals(alphaByPairs(likes, dislikes), Krippendorff.alphaNominal(likes, dislikes), 1e-12);
    }

    @Test
    void ratersWhoAlwaysAgreeGiveOne() {
        assertEquals(1, Krippendorff.alphaNominal(new long[] {3, 0, 5, 0}, new long[] {0, 4, 0, 2}), 1e-15);
    }

    @Test
    void ratersWhoVoteAtRandomGiveAboutZero() {
        SplittableRandom random = new SplittableRandom(99);
        int units = 5000;
        long[] likes = new long[units];
        long[] dislikes = new long[units];
        for (int u = 0; u < units; u++) {
            for (int v = 0; v < 4; v++) {
                if (random.nextBoolean()) {
                    likes[u]++;
                } else {
                    dislikes[u]++;
                }
            }
        }
        double alpha = Krippendorff.alphaNominal(likes, dislikes);
        // 20,000 values: α's standard error is about 0.01.
        assertTrue(Math.abs(alpha) < 0.04, "α of random raters was " + alpha);
    }

    @Test
    void undefinedWithoutPairableUnitsOrWithoutVariation() {
        assertTrue(Double.isNaN(Krippendorff.alphaNominal(new long[] {1, 0}, new long[] {0, 1})));
        assertTrue(Double.isNaN(Krippendorff.alphaNominal(new long[] {3, 2}, new long[] {0, 0})));
        assertTrue(Double.isNaN(Krippendorff.alphaNominal(new long[0], new long[0])));
    }

    /**
     * α = 1 − D_o / D_e straight from the definition: every ordered pair of values within a unit,
     * weighted 1/(m − 1), against every ordered pair of values overall; nominal δ = 1 when the two differ.
     */
    private static double alphaByPairs(long[] likes, long[] dislikes) {
        double observed = 0;
        double n = 0;
        double ones = 0;
        for (int u = 0; u < likes.length; u++) {
            int m = (int) (likes[u] + dislikes[u]);
            if (m < 2) {
                continue;
            }
            int[] values = new int[m];
            for (int v = 0; v < likes[u]; v++) {
                values[v] = 1;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j && values[i] != values[j]) {
                        observed += 1.0 / (m - 1);
                    }
                }
            }
            n += m;
            ones += likes[u];
        }
        double zeros = n - ones;
        double dObserved = observed / n;
        double dExpected = 2 * ones * zeros / (n * (n - 1));
        return 1 - dObserved / dExpected;
    }
}
