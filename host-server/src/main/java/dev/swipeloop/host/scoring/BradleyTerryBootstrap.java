package dev.swipeloop.host.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rounds of {@link BradleyTerry#bootstrap}: resample, refit from the full-data fit, collect
 * each player's ratings, take quantiles. Workers take round numbers from a shared counter and
 * write each round's ratings to that round's row, so the rows, and the quantiles, do not depend
 * on the schedule.
 */
final class BradleyTerryBootstrap {
    private static final double LOWER_QUANTILE = 0.025;
    private static final double UPPER_QUANTILE = 0.975;

    private final PairTable table;
    private final double[] start;
    private final BootstrapResampler resampler;
    private final BradleyTerryLoss loss;

    BradleyTerryBootstrap(PairTable table, double ridge, double[] start) {
        this.table = table;
        this.start = start;
        this.resampler = new BootstrapResampler(table);
        this.loss = new BradleyTerryLoss(table, ridge);
    }

    BradleyTerry.Bootstrap run(int rounds, long seed, int threads) {
        long[] seeds = new long[rounds];
        SplittableRandom seeder = new SplittableRandom(seed);
        for (int round = 0; round < rounds; round++) {
            seeds[round] = seeder.nextLong();
        }
        double[][] ratings = new double[rounds][];
        if (table.pairs > 0) {
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> new Worker().work(next, seeds, ratings);
            runOn(Math.min(threads, rounds), worker);
        } else {
            // No battles: every resample is empty and every fit is r = 0.
            Arrays.fill(ratings, new double[table.players]);
        }
        return quantiles(ratings);
    }

    /** One thread's buffers and solver. */
    private final class Worker {
        private final NewtonSolver solver = new NewtonSolver(loss);
        private final int[] columnDraws = new int[table.pairs];
        private final PairWeights weights = new PairWeights(table.pairs);

        void work(AtomicInteger next, long[] seeds, double[][] ratings) {
            for (int round = next.getAndIncrement(); round < seeds.length; round = next.getAndIncrement()) {
                resampler.resample(new SplittableRandom(seeds[round]), columnDraws, weights);
                double[] r = start.clone();
                solver.minimise(weights, r);
                ratings[round] = r;
            }
        }
    }

    private static void runOn(int threads, Runnable worker) {
        if (threads == 1) {
            worker.run();
            return;
        }
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "bradley-terry-bootstrap-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    worker.run();
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the bootstrap was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a bootstrap round failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private BradleyTerry.Bootstrap quantiles(double[][] ratings) {
        int rounds = ratings.length;
        double[] lower = new double[table.players];
        double[] upper = new double[table.players];
        double[] column = new double[rounds];
        for (int player = 0; player < table.players; player++) {
            for (int round = 0; round < rounds; round++) {
                column[round] = ratings[round][player];
            }
            Arrays.sort(column);
            lower[player] = BradleyTerry.SCALE * quantile(column, LOWER_QUANTILE) + BradleyTerry.INITIAL_RATING;
            upper[player] = BradleyTerry.SCALE * quantile(column, UPPER_QUANTILE) + BradleyTerry.INITIAL_RATING;
        }
        return new BradleyTerry.Bootstrap(lower, upper, rounds);
    }

    /** The q-quantile of sorted values, interpolating linearly between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
