package dev.swipeloop.bench;

import dev.swipeloop.host.scoring.Battles;
import dev.swipeloop.host.scoring.Battles.Outcome;
import dev.swipeloop.host.scoring.BradleyTerry;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ranking benchmark of issue #5. Simulates VOTES pairwise votes among ITEMS items with known
 * strengths, then times, in this order:
 * <ol>
 *   <li>the figure under test: {@link BradleyTerry#fit} plus {@link BradleyTerry#bootstrap} with
 *       ROUNDS rounds on THREADS threads, on a JVM that has run neither before;</li>
 *   <li>the baseline: one more fit from scratch (median of three, by then JIT-compiled), times
 *       ROUNDS + 1, which is what refitting every resample from zero with the same solver would
 *       cost (the resampling itself left out). Running it second and warm favours the baseline.</li>
 * </ol>
 * Prints one line starting with RESULT that bench/ranking/run.sh reads.
 *
 * <p>Usage: {@code RankingBenchmark [items=1000] [votes=1000000] [rounds=100] [threads=2] [seed=5]}.
 */
public final class RankingBenchmark {
    /** True strengths are normal with this standard deviation, in rating points. */
    private static final double STRENGTH_SD_POINTS = 200;
    private static final double TIE_RATE = 0.1;

    private RankingBenchmark() {
    }

    public static void main(String[] args) {
        int items = intArg(args, 0, 1000);
        int votes = intArg(args, 1, 1_000_000);
        int rounds = intArg(args, 2, 100);
        int threads = intArg(args, 3, 2);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 5;

        SplittableRandom random = new SplittableRandom(seed);
        double[] truth = new double[items];
        for (int i = 0; i < items; i++) {
            truth[i] = random.nextGaussian() * STRENGTH_SD_POINTS / BradleyTerry.SCALE;
        }
        long buildStart = System.nanoTime();
        Battles battles = simulate(truth, votes, random);
        long buildNanos = System.nanoTime() - buildStart;

        long start = System.nanoTime();
        BradleyTerry.Fit fit = BradleyTerry.fit(battles);
        long fitted = System.nanoTime();
        BradleyTerry.Bootstrap bootstrap = BradleyTerry.bootstrap(battles, rounds, seed, BradleyTerry.DEFAULT_RIDGE,
                fit, threads);
        long done = System.nanoTime();

        long[] coldFits = new long[3];
        for (int k = 0; k < coldFits.length; k++) {
            long t = System.nanoTime();
            BradleyTerry.fit(battles);
            coldFits[k] = System.nanoTime() - t;
        }
        Arrays.sort(coldFits);
        double baselineFitMs = coldFits[1] / 1e6;
        double totalMs = (done - start) / 1e6;
        double baselineMs = baselineFitMs * (rounds + 1);

        double widthSum = 0;
        for (int i = 0; i < items; i++) {
            widthSum += bootstrap.upper()[i] - bootstrap.lower()[i];
        }
        System.out.printf("RESULT items=%d votes=%d rounds=%d threads=%d build_ms=%.0f fit_ms=%.0f fit_iterations=%d"
                        + " bootstrap_ms=%.0f total_ms=%.0f baseline_fit_ms=%.0f baseline_ms=%.0f ratio=%.3f"
                        + " kendall_tau=%.4f mean_ci_width_points=%.2f%n",
                items, votes, rounds, threads, buildNanos / 1e6, (fitted - start) / 1e6, fit.iterations(),
                (done - fitted) / 1e6, totalMs, baselineFitMs, baselineMs, totalMs / baselineMs,
                kendallTau(truth, fit.ratings()), widthSum / items);
    }

    /** Uniformly random pairs; a tie with probability TIE_RATE, else a Bradley–Terry draw. */
    private static Battles simulate(double[] truth, int votes, SplittableRandom random) {
        Battles battles = new Battles();
        String[] ids = new String[truth.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "item-" + i;
            battles.player(ids[i]);
        }
        for (int v = 0; v < votes; v++) {
            int a = random.nextInt(truth.length);
            int b = random.nextInt(truth.length - 1);
            if (b >= a) {
                b++;
            }
            Outcome outcome;
            if (random.nextDouble() < TIE_RATE) {
                outcome = Outcome.TIE;
            } else {
                double aWins = 1 / (1 + Math.pow(10, truth[b] - truth[a]));
                outcome = random.nextDouble() < aWins ? Outcome.A_WINS : Outcome.B_WINS;
            }
            battles.add(ids[a], ids[b], outcome);
        }
        return battles;
    }

    /** Rank agreement between the true and the fitted strengths: a check that the fit is a fit. */
    private static double kendallTau(double[] x, double[] y) {
        long agree = 0;
        long disagree = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double sign = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
                if (sign > 0) {
                    agree++;
                } else if (sign < 0) {
                    disagree++;
                }
            }
        }
        return (agree - disagree) / (x.length * (x.length - 1) / 2.0);
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
