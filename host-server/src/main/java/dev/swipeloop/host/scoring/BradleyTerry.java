package dev.swipeloop.host.scoring;

/**
 * Chatbot Arena's Bradley–Terry ratings (FORMATS.md §4): {@code P(a beats b) = σ(ln 10·(r_a − r_b))},
 * a tie counted as half a win each way, fitted by maximum likelihood over the battles aggregated
 * per pair, and reported as {@code 400·r + 1000} rating points, like FastChat's
 * {@code compute_mle_elo} without its anchor model.
 *
 * <h2>Ridge</h2>
 * The loss adds {@code λ·Σ r²}. Without it the ratings are defined only up to a common shift, and
 * a player who never lost (or never won) drifts to ±∞. With it the optimum is unique, finite,
 * and satisfies Σ r = 0 (the data term's gradient sums to zero, so at the optimum 2λ·Σ r = 0):
 * the average player sits at 1000. {@link #DEFAULT_RIDGE} λ = 0.01 is a Gaussian prior on each r
 * with standard deviation 1/√(2λ) ≈ 7 r units, about 2,800 points: flat over any real spread of
 * ratings (Arena's spans ~1.5 r units), so it narrows the gap between two players who met a
 * hundred times by less than 0.01 %, yet it keeps a newcomer who won all ten of its battles
 * about 1,070 points above the players it beat instead of at infinity. Each disconnected group
 * of players is pulled to an average of 1000 of its own, so ratings from different groups are
 * not comparable; a player with no battles rates 1000.
 *
 * <h2>Solver</h2>
 * Newton's method with a line search, each step solved by conjugate gradients on Hessian–vector
 * products, in memory O(players + pairs) (see {@code NewtonStep} for why not a dense
 * factorisation). It stops when a full step moves no r by more than 10⁻⁷ (4·10⁻⁵ points), after
 * which the error left is of the order of that step squared.
 */
public final class BradleyTerry {
    /** λ of the ridge {@code λ·Σ r²}; see the class comment for why 0.01. */
    public static final double DEFAULT_RIDGE = 1e-2;
    /** Rating points per unit of r, and the rating of r = 0. */
    public static final double SCALE = 400;
    public static final double INITIAL_RATING = 1000;

    /**
     * A maximum-likelihood fit. The arrays are indexed like the {@link Battles} players and are
     * not copied: they belong to whoever holds the fit.
     *
     * @param ratings    rating points, {@code 400·r + 1000}
     * @param r          the fitted strengths in natural units (log-odds / ln 10), summing to 0
     * @param iterations Newton steps taken
     */
    public record Fit(double[] ratings, double[] r, int iterations) {
    }

    /**
     * Bootstrap percentile intervals, in rating points, indexed like the {@link Battles} players.
     *
     * @param lower  the 2.5 % quantile of each player's rating over the rounds
     * @param upper  the 97.5 % quantile
     * @param rounds the number of resamples
     */
    public record Bootstrap(double[] lower, double[] upper, int rounds) {
    }

    private BradleyTerry() {
    }

    /** {@link #fit(Battles, double, double[])} with the default ridge, from r = 0. */
    public static Fit fit(Battles battles) {
        return fit(battles, DEFAULT_RIDGE, null);
    }

    /**
     * The maximum-likelihood ratings.
     *
     * @param ridge     λ > 0, see the class comment
     * @param warmStart a starting point in r units, one per player (an earlier fit's {@link Fit#r()}
     *                  after more battles came in), or null to start from 0; the result does not
     *                  depend on it, only the number of steps does
     */
    public static Fit fit(Battles battles, double ridge, double[] warmStart) {
        checkRidge(ridge);
        PairTable table = PairTable.of(battles);
        double[] r = new double[table.players];
        if (warmStart != null) {
            if (warmStart.length != table.players) {
                throw new IllegalArgumentException("the warm start needs one value per player: "
                        + table.players + ", got " + warmStart.length);
            }
            System.arraycopy(warmStart, 0, r, 0, r.length);
        }
        BradleyTerryLoss loss = new BradleyTerryLoss(table, ridge);
        int iterations = new NewtonSolver(loss).minimise(table.weights(), r);
        return new Fit(points(r), r, iterations);
    }

    /**
     * Bootstrap confidence intervals as Arena computes them: {@code rounds} times, resample the
     * battles (multinomial over the unique pair-outcome rows, N fixed), refit, and take each
     * player's 2.5 % and 97.5 % quantiles (linear interpolation, as pandas' {@code quantile}).
     * Each round is a Newton fit that starts from {@code mle}: a resample moves the ratings little,
     * so a round takes about four steps (a million battles among 1,000 players: 4.0 on average,
     * the last one only confirming convergence).
     *
     * <p>Round k draws from its own random stream, the k-th seed drawn from {@code seed}, and
     * always starts from {@code mle}; so the result depends on the seed, never on {@code threads}
     * or on which thread ran which round.
     *
     * @param mle     {@link #fit} of the same battles with the same ridge: every round starts from
     *                it, so another start would cost time, not accuracy
     * @param threads how many threads may work on rounds (the caller's thread when 1)
     */
    public static Bootstrap bootstrap(Battles battles, int rounds, long seed, double ridge, Fit mle, int threads) {
        checkRidge(ridge);
        PairTable table = PairTable.of(battles);
        if (rounds < 1 || threads < 1) {
            throw new IllegalArgumentException("the bootstrap needs rounds >= 1 and threads >= 1, got rounds="
                    + rounds + ", threads=" + threads);
        }
        if (mle.r().length != table.players) {
            throw new IllegalArgumentException("the fit has " + mle.r().length + " players, the battles "
                    + table.players + ": fit the same battles first");
        }
        return new BradleyTerryBootstrap(table, ridge, mle.r()).run(rounds, seed, threads);
    }

    static double[] points(double[] r) {
        double[] points = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            points[i] = SCALE * r[i] + INITIAL_RATING;
        }
        return points;
    }

    private static void checkRidge(double ridge) {
        if (!(ridge > 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("the ridge λ must be finite and > 0 (default "
                    + DEFAULT_RIDGE + "), got " + ridge);
        }
    }
}
