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
 * about 1,070 points above the players it beat instead of at infinity. Each disconnected group of players is pulled to an average of 1000 of its own, so
 * ratings from different groups are not comparable; a player with no battles rates 1000.
 *
 * <h2>Solver</h2>
 * Newton's method with a line search, each step solved by conjugate gradients on Hessian–vector
 * products ({@link IterativeNewtonSystem}), in memory O(players + pairs). It stops when a full
 * step moves no r by more than 10⁻⁷ (4·10⁻⁵ points), after which the error left is of the order
 * of that step squared. Conjugate gradients rather than a dense Cholesky factorisation per step
 * because they were faster at every size measured: 0.1 s against 0.5 s for 1,000 players and a
 * million battles, and 0.02 s against 3 s for 2,000 players compared only along a chain, the
 * worst case for them; the ridge bounds the condition number. The bootstrap still factorises
 * the Hessian once, see {@link #DENSE_LIMIT}.
 */
public final class BradleyTerry {
    /** λ of the ridge {@code λ·Σ r²}; see the class comment for why 0.01. */
    public static final double DEFAULT_RIDGE = 1e-2;
    /** Rating points per unit of r, and the rating of r = 0. */
    public static final double SCALE = 400;
    public static final double INITIAL_RATING = 1000;
    /**
     * Up to this many players the bootstrap factorises the Hessian at the fit once (Cholesky:
     * n³/6 work and n² doubles, ~0.5 s and 32 MB at 2,000 players) and reuses it for every step
     * of every round. Above, each round runs Newton with conjugate gradients, which costs about
     * four times as much per round but no n² memory.
     */
    public static final int DENSE_LIMIT = 2000;

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
        return fit(PairTable.of(battles), ridge, warmStart);
    }

    static Fit fit(PairTable table, double ridge, double[] warmStart) {
        checkRidge(ridge);
        double[] r = new double[table.players];
        if (warmStart != null) {
            if (warmStart.length != table.players) {
                throw new IllegalArgumentException("the warm start needs one value per player: "
                        + table.players + ", got " + warmStart.length);
            }
            System.arraycopy(warmStart, 0, r, 0, r.length);
        }
        BradleyTerryLoss loss = new BradleyTerryLoss(table, ridge);
        int iterations = new NewtonSolver(loss).minimise(table.weights(), r, new IterativeNewtonSystem(table, ridge));
        return new Fit(points(r), r, iterations);
    }

    /**
     * Bootstrap confidence intervals as Arena computes them: {@code rounds} times, resample the
     * battles (multinomial over the unique pair-outcome rows, N fixed), refit, and take each
     * player's 2.5 % and 97.5 % quantiles (linear interpolation, as pandas' {@code quantile}).
     * Each round starts from {@code mle} and, up to {@link #DENSE_LIMIT} players, takes chord
     * steps with the Hessian at {@code mle}, factorised once for all rounds.
     *
     * <p>Round k draws from its own random stream, the k-th seed drawn from {@code seed}, and
     * always starts from {@code mle}; so the result depends on the seed, never on {@code threads}
     * or on which thread ran which round.
     *
     * @param mle     {@link #fit} of the same battles with the same ridge: every round starts from it
     *                and reuses its Hessian, so another start would cost time, not accuracy
     * @param threads how many threads may work on rounds (the caller's thread when 1)
     */
    public static Bootstrap bootstrap(Battles battles, int rounds, long seed, double ridge, Fit mle, int threads) {
        return bootstrap(PairTable.of(battles), rounds, seed, ridge, mle, threads, DENSE_LIMIT);
    }

    static Bootstrap bootstrap(PairTable table, int rounds, long seed, double ridge, Fit mle, int threads,
                               int denseLimit) {
        checkRidge(ridge);
        if (rounds < 1 || threads < 1) {
            throw new IllegalArgumentException("the bootstrap needs rounds >= 1 and threads >= 1, got rounds="
                    + rounds + ", threads=" + threads);
        }
        if (mle.r().length != table.players) {
            throw new IllegalArgumentException("the fit has " + mle.r().length + " players, the battles "
                    + table.players + ": fit the same battles first");
        }
        return new BradleyTerryBootstrap(table, ridge, mle.r(), table.players <= denseLimit)
                .run(rounds, seed, threads);
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
