package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.scoring.Battles.Outcome;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A resample must be a multinomial over the unique (pair, outcome) rows with N fixed: each row's
 * count has mean N·p and variance N·p·(1 − p) (a Poisson bootstrap would give N·p and let N vary).
 */
class BootstrapResamplerTest {
    private static final int RESAMPLES = 20_000;

    @Test
    void rowCountsFollowTheMultinomialWithTheTotalFixed() {
        Battles battles = new Battles();
        // Pair x–y: 4 wins of x, 2 of y. Pair x–z: 1 win of x, 3 ties. Pair y–z: 2 wins of z, 1 tie.
        add(battles, "x", "y", 4, Outcome.A_WINS);
        add(battles, "x", "y", 2, Outcome.B_WINS);
        add(battles, "x", "z", 1, Outcome.A_WINS);
        add(battles, "x", "z", 3, Outcome.TIE);
        add(battles, "y", "z", 2, Outcome.B_WINS);
        add(battles, "y", "z", 1, Outcome.TIE);
        PairTable table = PairTable.of(battles);
        int n = 13;
        double[] expected = {4, 2, 1, 3, 2, 1};

        BootstrapResampler resampler = new BootstrapResampler(table);
        SplittableRandom random = new SplittableRandom(2024);
        int[] scratch = new int[table.pairs];
        PairWeights weights = new PairWeights(table.pairs);
        double[] sum = new double[6];
        double[] sumOfSquares = new double[6];
        for (int k = 0; k < RESAMPLES; k++) {
            resampler.resample(random, scratch, weights);
            assertEquals(n, weights.totals[0] + weights.totals[1] + weights.totals[2]);
            int[] rows = rows(weights);
            for (int row = 0; row < 6; row++) {
                sum[row] += rows[row];
                sumOfSquares[row] += (double) rows[row] * rows[row];
            }
        }
        for (int row = 0; row < 6; row++) {
            double p = expected[row] / n;
            double mean = sum[row] / RESAMPLES;
            double variance = sumOfSquares[row] / RESAMPLES - mean * mean;
            double multinomialVariance = n * p * (1 - p);
            assertEquals(n * p, mean, 5 * Math.sqrt(multinomialVariance / RESAMPLES), "mean of row " + row);
            // The sample variance of 20,000 draws is within a few percent of the truth.
            assertEquals(multinomialVariance, variance, 0.06 * multinomialVariance, "variance of row " + row);
        }
    }

    @Test
    void lemiresBoundedIntsAreUniform() {
        SplittableRandom random = new SplittableRandom(1);
        int bound = 7;
        int[] counts = new int[bound];
        int draws = 70_000;
        for (int k = 0; k < draws; k++) {
            counts[BootstrapResampler.below(random, bound)]++;
        }
        double chiSquare = 0;
        for (int count : counts) {
            chiSquare += Math.pow(count - draws / (double) bound, 2) / (draws / (double) bound);
        }
        // 6 degrees of freedom: P(χ² > 22.46) = 0.001.
        assertTrue(chiSquare < 22.46, "χ² = " + chiSquare);
    }

    /** The six row counts, recovered from totals and half-points of the pairs in slot order. */
    private static int[] rows(PairWeights weights) {
        int[] t = weights.totals;
        int[] h = weights.halfPoints;
        int xWinsOverY = h[0] / 2;
        int xWinsOverZ = h[1] - t[1];
        int xzTies = 2 * t[1] - h[1];
        int yzTies = h[2];
        return new int[] {xWinsOverY, t[0] - xWinsOverY, xWinsOverZ, xzTies, t[2] - yzTies, yzTies};
    }

    private static void add(Battles battles, String a, String b, int times, Outcome outcome) {
        for (int k = 0; k < times; k++) {
            battles.add(a, b, outcome);
        }
    }
}
