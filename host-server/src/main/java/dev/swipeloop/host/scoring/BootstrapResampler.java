package dev.swipeloop.host.scoring;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws a bootstrap resample of the battles as Arena does ({@code compute_bootstrap_bt} in
 * fastchat/serve/monitor/rating_systems.py): the counts of the unique (pair, outcome) rows from a
 * multinomial with the total number of battles N fixed and each row's probability its share of N.
 *
 * <p>It is drawn exactly, as N independent draws, each of which picks a pair with probability
 * n_pair/N through Vose's alias table (a uniform column, then a biased coin between the column's
 * own pair and its alias) and then one of that pair's n_pair battles uniformly, whose outcome it
 * repeats. Every probability is a ratio of integers and is sampled with integer arithmetic, so the
 * distribution has no rounding in it. The draws are regrouped so that memory is mostly walked in
 * order: first only each draw's column is counted, then each column's coins are tossed together,
 * then each pair's outcomes are drawn together.
 */
final class BootstrapResampler {
    private final PairTable table;
    private final int battles;
    /** Per alias column: the threshold below which a coin keeps the column's own pair (high 32 bits), and its alias. */
    private final long[] columns;

    BootstrapResampler(PairTable table) {
        if (table.battles > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the bootstrap resamples at most " + Integer.MAX_VALUE
                    + " battles, got " + table.battles);
        }
        this.table = table;
        this.battles = (int) table.battles;
        this.columns = aliasTable(table, battles);
    }

    /** Writes one resample into {@code out}; {@code columnDraws} is scratch space of one int per pair. */
    void resample(SplittableRandom random, int[] columnDraws, PairWeights out) {
        int pairs = table.pairs;
        Arrays.fill(columnDraws, 0);
        for (int draw = 0; draw < battles; draw++) {
            columnDraws[below(random, pairs)]++;
        }
        int[] drawsPerPair = out.totals;
        Arrays.fill(drawsPerPair, 0);
        for (int column = 0; column < pairs; column++) {
            int draws = columnDraws[column];
            int threshold = (int) (columns[column] >>> 32);
            int kept = draws;
            if (threshold < battles) {
                kept = 0;
                for (int d = 0; d < draws; d++) {
                    if (below(random, battles) < threshold) {
                        kept++;
                    }
                }
                drawsPerPair[(int) columns[column]] += draws - kept;
            }
            drawsPerPair[column] += kept;
        }
        for (int p = 0; p < pairs; p++) {
            out.halfPoints[p] = drawsPerPair[p] == 0 ? 0 : halfPoints(p, drawsPerPair[p], random);
        }
    }

    /** The first player's half-points over {@code draws} battles drawn from the pair's own. */
    private int halfPoints(int p, int draws, SplittableRandom random) {
        int firstWins = table.firstWins[p];
        int decided = firstWins + table.secondWins[p];
        int total = decided + table.ties[p];
        if (firstWins == total) {
            return 2 * draws;
        }
        if (table.secondWins[p] == total) {
            return 0;
        }
        int points = 0;
        for (int d = 0; d < draws; d++) {
            int battle = below(random, total);
            if (battle < firstWins) {
                points += 2;
            } else if (battle >= decided) {
                points += 1;
            }
        }
        return points;
    }

    /**
     * A uniform int in [0, bound), exactly: Lemire's multiply-and-shift with rejection ("Fast
     * Random Integer Generation in an Interval", 2019). {@link SplittableRandom#nextInt(int)}
     * spends a division on every draw; this one divides only on the rare draw that might be biased.
     */
    static int below(SplittableRandom random, int bound) {
        long product = Integer.toUnsignedLong(random.nextInt()) * bound;
        long low = product & 0xFFFFFFFFL;
        if (low < bound) {
            long rejectBelow = (0x1_0000_0000L - bound) % bound;
            while (low < rejectBelow) {
                product = Integer.toUnsignedLong(random.nextInt()) * bound;
                low = product & 0xFFFFFFFFL;
            }
        }
        return (int) (product >>> 32);
    }

    /**
     * Vose's alias table over the pairs with weights n_pair, in integers: every column holds
     * capacity N, each pair brings n_pair·P of it (the weights sum to N·P exactly), and a column
     * keeps its own pair for coins below its threshold and gives the rest to its alias.
     */
    private static long[] aliasTable(PairTable table, long battles) {
        int pairs = table.pairs;
        long[] remaining = new long[pairs];
        int[] small = new int[pairs];
        int[] large = new int[pairs];
        int smallCount = 0;
        int largeCount = 0;
        for (int p = 0; p < pairs; p++) {
            long weight = (long) table.firstWins[p] + table.secondWins[p] + table.ties[p];
            remaining[p] = weight * pairs;
            if (remaining[p] < battles) {
                small[smallCount++] = p;
            } else {
                large[largeCount++] = p;
            }
        }
        long[] columns = new long[pairs];
        while (smallCount > 0 && largeCount > 0) {
            int lender = large[--largeCount];
            int borrower = small[--smallCount];
            columns[borrower] = remaining[borrower] << 32 | lender;
            remaining[lender] -= battles - remaining[borrower];
            if (remaining[lender] < battles) {
                small[smallCount++] = lender;
            } else {
                large[largeCount++] = lender;
            }
        }
        // What is left holds exactly N (the capacities sum to N·P in integers, so no column
        // can be left short): it keeps its own pair for every coin.
        while (largeCount > 0) {
            int full = large[--largeCount];
            columns[full] = battles << 32 | full;
        }
        return columns;
    }
}
