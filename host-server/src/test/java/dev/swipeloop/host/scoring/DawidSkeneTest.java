package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DawidSkeneTest {

    /** Votes from raters of known accuracy on items with known truth. */
    private record Simulation(int[] rater, int[] item, int[] label, int[] truth) {
    }

    private static Simulation simulate(double[] accuracy, int items, double voteRate, double positiveRate,
                                       SplittableRandom random) {
        int[] truth = new int[items];
        for (int i = 0; i < items; i++) {
            truth[i] = random.nextDouble() < positiveRate ? 1 : 0;
        }
        int capacity = (int) (accuracy.length * items * voteRate * 1.2) + 16;
        int[] rater = new int[capacity];
        int[] item = new int[capacity];
        int[] label = new int[capacity];
        int votes = 0;
        for (int r = 0; r < accuracy.length; r++) {
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() < voteRate && votes < capacity) {
                    rater[votes] = r;
                    item[votes] = i;
                    label[votes] = random.nextDouble() < accuracy[r] ? truth[i] : 1 - truth[i];
                    votes++;
                }
            }
        }
        return new Simulation(Arrays.copyOf(rater, votes), Arrays.copyOf(item, votes),
                Arrays.copyOf(label, votes), truth);
    }

    @Test
    void separatesGoodRatersFromRandomOnes() {
        // 10 raters right 90 % of the time, 10 right 70 %, 10 flipping coins; 300 items, 30 % positive,
        // each rater labelling each item with probability 0.4 (about 120 votes per rater).
        double[] accuracy = new double[30];
        for (int r = 0; r < 30; r++) {
            accuracy[r] = r < 10 ? 0.9 : r < 20 ? 0.7 : 0.5;
        }
        Simulation votes = simulate(accuracy, 300, 0.4, 0.3, new SplittableRandom(31));

        DawidSkene.Result result = DawidSkene.fit(30, 300, votes.rater, votes.item, votes.label, 100, 1e-7);

        double worstGood = 1;
        double bestRandom = 0;
        for (int r = 0; r < 30; r++) {
            double estimated = result.raterAccuracy()[r];
            assertEquals(accuracy[r], estimated, 0.1, "rater " + r);
            if (r < 10) {
                worstGood = Math.min(worstGood, estimated);
            } else if (r >= 20) {
                bestRandom = Math.max(bestRandom, estimated);
            }
        }
        assertTrue(worstGood > bestRandom + 0.15, "good raters from " + worstGood + ", random ones up to " + bestRandom);
        assertEquals(0.3, result.prior(), 0.06);

        int right = 0;
        for (int i = 0; i < 300; i++) {
            if ((result.itemPosterior()[i] > 0.5 ? 1 : 0) == votes.truth[i]) {
                right++;
            }
        }
        assertTrue(right >= 0.97 * 300, "posteriors classify " + right + " of 300 items correctly");
        assertTrue(result.iterations() > 1 && result.iterations() < 100, "iterations: " + result.iterations());
    }

    @Test
    void aRaterWithFewVotesIsNotPerfect() {
        // Rater 0 votes three times, always with the two others, who agree with each other.
        int[] rater = {0, 1, 2, 0, 1, 2, 0, 1, 2};
        int[] item = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        int[] label = {1, 1, 1, 0, 0, 0, 1, 1, 1};
        DawidSkene.Result result = DawidSkene.fit(3, 3, rater, item, label, 50, 1e-9);
        double[] confusion = result.confusion()[0];
        assertTrue(confusion[0] < 0.9 && confusion[1] > 0.1, "smoothed confusion " + confusion[0] + ", " + confusion[1]);
        assertTrue(result.raterAccuracy()[0] < 0.9, "accuracy " + result.raterAccuracy()[0]);
        assertTrue(result.raterAccuracy()[0] > 0.5);
    }

    @Test
    void deterministicAndDefinedForRatersAndItemsWithoutVotes() {
        Simulation votes = simulate(new double[] {0.8, 0.8, 0.6}, 50, 0.7, 0.5, new SplittableRandom(4));
        DawidSkene.Result first = DawidSkene.fit(4, 51, votes.rater, votes.item, votes.label, 20, 1e-6);
        DawidSkene.Result second = DawidSkene.fit(4, 51, votes.rater, votes.item, votes.label, 20, 1e-6);
        assertArrayEquals(first.raterAccuracy(), second.raterAccuracy(), 0);
        assertArrayEquals(first.itemPosterior(), second.itemPosterior(), 0);
        assertEquals(0.5, first.raterAccuracy()[3], 1e-12, "a rater with no votes");
        assertEquals(first.prior(), first.itemPosterior()[50], 1e-12, "an item with no votes");
    }

    @Test
    void aMillionVotes() {
        double[] accuracy = new double[1000];
        for (int r = 0; r < accuracy.length; r++) {
            accuracy[r] = r % 4 == 0 ? 0.5 : 0.85;
        }
        Simulation votes = simulate(accuracy, 20_000, 0.05, 0.5, new SplittableRandom(6));
        assertTrue(votes.label.length > 950_000, "votes: " + votes.label.length);

        DawidSkene.Result result = DawidSkene.fit(1000, 20_000, votes.rater, votes.item, votes.label, 10, 1e-9);

        double randomMean = 0;
        double goodMean = 0;
        for (int r = 0; r < accuracy.length; r++) {
            if (r % 4 == 0) {
                randomMean += result.raterAccuracy()[r] / 250;
            } else {
                goodMean += result.raterAccuracy()[r] / 750;
            }
        }
        assertEquals(0.5, randomMean, 0.03);
        assertEquals(0.85, goodMean, 0.03);
    }
}
