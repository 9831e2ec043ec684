package dev.swipeloop.host.scoring;

/**
 * Binary Dawid–Skene (Dawid and Skene, 1979), as Toloka crowd-kit's {@code DawidSkene}: each item
 * has an unknown true label, each rater answers according to their own confusion matrix, and EM
 * alternates between the items' posteriors (E-step) and the raters' matrices and the class prior
 * (M-step). It starts, like crowd-kit, from the majority vote: each item's posterior is the share
 * of its votes that said 1.
 *
 * <p>Two departures from crowd-kit, both deliberate:
 * <ul>
 *   <li>every count of the M-step gets {@link #SMOOTHING} pseudo-votes per cell (a Beta(2, 2)
 *       prior, so EM finds the posterior mode), so a rater with three votes that all agree with
 *       the majority gets a sensitivity of 4/5, not 1, and no probability is ever 0 or 1;</li>
 *   <li>it stops when the log posterior per vote improves by less than {@code tolerance}
 *       (crowd-kit compares its evidence lower bound per vote the same way).</li>
 * </ul>
 * Deterministic: no randomness, and the sums run in vote order. Each iteration is two passes
 * over the votes' primitive arrays.
 */
public final class DawidSkene {
    /** Pseudo-votes added to each of the four cells of a rater's confusion counts, and to the prior's two. */
    public static final double SMOOTHING = 1;

    /**
     * @param raterAccuracy P(a rater's label is right) = prior·p(1|1) + (1 − prior)·(1 − p(1|0)):
     *                      the confusion matrix's diagonal weighted by the class prior; 0.5 for a
     *                      rater with no votes
     * @param confusion     per rater {p(label 1 | true 1), p(label 1 | true 0)}: sensitivity and
     *                      false-positive rate
     * @param itemPosterior per item P(true label = 1); the prior for an item with no votes
     * @param prior         P(true label = 1) over the items
     * @param iterations    EM iterations run
     */
    public record Result(double[] raterAccuracy, double[][] confusion, double[] itemPosterior, double prior,
                         int iterations) {
    }

    private DawidSkene() {
    }

    /**
     * Fits the model to votes given as parallel arrays: vote v is rater {@code rater[v]} saying
     * {@code label[v]} (0 or 1) about item {@code item[v]}; raters and items are indices from 0.
     */
    public static Result fit(int raters, int items, int[] rater, int[] item, int[] label, int maxIterations,
                             double tolerance) {
        check(raters, items, rater, item, label, maxIterations, tolerance);
        return new DawidSkeneRun(raters, items, rater, item, label).run(maxIterations, tolerance);
    }

    private static void check(int raters, int items, int[] rater, int[] item, int[] label, int maxIterations,
                              double tolerance) {
        if (raters < 0 || items < 0) {
            throw new IllegalArgumentException("counts of raters and items must be >= 0, got " + raters + " and " + items);
        }
        if (rater.length != item.length || item.length != label.length) {
            throw new IllegalArgumentException("rater, item and label need one entry per vote, got lengths "
                    + rater.length + ", " + item.length + ", " + label.length);
        }
        if (maxIterations < 1 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("need maxIterations >= 1 and tolerance >= 0, got "
                    + maxIterations + " and " + tolerance);
        }
        for (int v = 0; v < label.length; v++) {
            if (rater[v] < 0 || rater[v] >= raters || item[v] < 0 || item[v] >= items) {
                throw new IllegalArgumentException("vote " + v + " names rater " + rater[v] + " and item " + item[v]
                        + ", outside " + raters + " raters and " + items + " items");
            }
            if (label[v] != 0 && label[v] != 1) {
                throw new IllegalArgumentException("vote " + v + " has label " + label[v] + ", expected 0 or 1");
            }
        }
    }
}
