package dev.swipeloop.host.scoring;

/**
 * A like rate shrunk towards a prior (FORMATS.md §4): with a Beta(α, β) prior on the rate and
 * {@code likes} out of {@code n} observed, the posterior is Beta(likes + α, n − likes + β). An
 * item with 2 likes out of 2 then sits near the global rate rather than at 100 %, and moves
 * towards its own rate as votes come in; α + β is how many votes' worth of weight the prior has.
 */
public final class BayesianAverage {
    private BayesianAverage() {
    }

    /** The posterior mean {@code (likes + α) / (n + α + β)}. */
    public static double mean(long likes, long n, double alpha, double beta) {
        Wilson.checkCounts(likes, n);
        checkPrior(alpha, beta);
        return (likes + alpha) / (n + alpha + beta);
    }

    /**
     * The equal-tailed credible interval at {@code level} (0.95: from the 2.5 % to the 97.5 %
     * quantile) of the posterior Beta(likes + α, n − likes + β).
     */
    public static Interval credible(long likes, long n, double alpha, double beta, double level) {
        Wilson.checkCounts(likes, n);
        checkPrior(alpha, beta);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a credible level must be in (0, 1), e.g. 0.95, got " + level);
        }
        double a = likes + alpha;
        double b = n - likes + beta;
        double tail = (1 - level) / 2;
        return new Interval(BetaDistribution.quantile(tail, a, b), BetaDistribution.quantile(1 - tail, a, b));
    }

    /**
     * The prior {α, β} centred on {@code globalRate} with the weight of {@code strength} votes:
     * {@code {rate·strength, (1 − rate)·strength}}.
     */
    public static double[] prior(double globalRate, double strength) {
        if (!(globalRate > 0 && globalRate < 1)) {
            throw new IllegalArgumentException("the global like rate must be strictly between 0 and 1, got " + globalRate);
        }
        if (!(strength > 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("the prior strength (in votes) must be finite and > 0, got " + strength);
        }
        return new double[] {globalRate * strength, (1 - globalRate) * strength};
    }

    private static void checkPrior(double alpha, double beta) {
        if (!(alpha > 0 && beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("the prior needs finite α > 0 and β > 0, got α=" + alpha + ", β=" + beta);
        }
    }
}
