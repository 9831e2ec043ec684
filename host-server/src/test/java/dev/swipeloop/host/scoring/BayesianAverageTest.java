package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The posterior mean and interval, and the Beta quantiles under them, against known values. */
class BayesianAverageTest {

    @Test
    void meanShrinksTowardsThePrior() {
        // Prior: a 30 % like rate with the weight of 10 votes, so α = 3, β = 7.
        double[] prior = BayesianAverage.prior(0.3, 10);
        assertArrayEquals(new double[] {3, 7}, prior, 1e-15);
        assertEquals((2 + 3) / (2 + 10.0), BayesianAverage.mean(2, 2, prior[0], prior[1]), 1e-15);
        assertEquals(0.3, BayesianAverage.mean(0, 0, prior[0], prior[1]), 1e-15);
    }

    @Test
    void betaQuantilesMatchKnownValues() {
        assertEquals(0.3857275681323895, BetaDistribution.quantile(0.5, 2, 3), 1e-10);
        // Values from scipy.stats.beta.ppf.
        assertEquals(0.2189787263040341, BetaDistribution.quantile(0.025, 31, 71), 1e-10);
        assertEquals(0.396147128647689, BetaDistribution.quantile(0.975, 31, 71), 1e-10);
        assertEquals(0.3166317031026664, BetaDistribution.quantile(0.025, 1000.5, 2000.5), 1e-10);
        assertEquals(0.9892161126032436, BetaDistribution.quantile(0.9, 3.2, 0.7), 1e-10);
        assertEquals(8.937847688294928e-30, BetaDistribution.quantile(1e-6, 0.2, 0.3), 1e-38);
    }

    @Test
    void arcsineQuantilesAreSineSquared() {
        // Beta(½, ½) is the arcsine distribution: F(x) = (2/π)·asin(√x), so the p-quantile is sin²(πp/2).
        for (double p = 0.01; p < 1; p += 0.07) {
            double expected = Math.pow(Math.sin(Math.PI * p / 2), 2);
            assertEquals(expected, BetaDistribution.quantile(p, 0.5, 0.5), 1e-12, "p = " + p);
        }
    }

    @Test
    void powerLawQuantilesAreRoots() {
        // Beta(a, 1) has F(x) = x^a, so the p-quantile is p^(1/a); Beta(1, 1) is uniform.
        assertEquals(Math.pow(0.3, 1 / 4.5), BetaDistribution.quantile(0.3, 4.5, 1), 1e-13);
        assertEquals(0.42, BetaDistribution.quantile(0.42, 1, 1), 1e-14);
    }

    @Test
    void cdfMatchesTheBinomialSum() {
        // I_x(2, 3) = Σ_{j=2..4} C(4, j) x^j (1 − x)^(4 − j) = 0.2646 + 0.0756 + 0.0081 at x = 0.3.
        assertEquals(0.3483, BetaDistribution.cdf(0.3, 2, 3), 1e-14);
    }

    @Test
    void credibleIntervalIsTheEqualTailedPosteriorInterval() {
        // 30 likes of 100 with a flat Beta(1, 1) prior: posterior Beta(31, 71).
        Interval interval = BayesianAverage.credible(30, 100, 1, 1, 0.95);
        assertEquals(0.2189787263040341, interval.lower(), 1e-10);
        assertEquals(0.396147128647689, interval.upper(), 1e-10);
    }

    @Test
    void impossiblePriorsAndLevelsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BayesianAverage.mean(1, 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> BayesianAverage.credible(1, 2, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> BayesianAverage.prior(1, 10));
    }
}
