package dev.swipeloop.host.scoring;

/** One EM run of {@link DawidSkene}, over validated inputs, with its working arrays. */
final class DawidSkeneRun {
    private static final double S = DawidSkene.SMOOTHING;

    private final int raters;
    private final int items;
    private final int[] rater;
    private final int[] item;
    private final int[] label;
    private final int[] votesPerItem;

    /** P(true label = 1) per item. */
    private final double[] posterior;
    private double prior;
    /** p(label 1 | true 1) and p(label 1 | true 0) per rater. */
    private final double[] sensitivity;
    private final double[] falsePositive;

    DawidSkeneRun(int raters, int items, int[] rater, int[] item, int[] label) {
        this.raters = raters;
        this.items = items;
        this.rater = rater;
        this.item = item;
        this.label = label;
        this.votesPerItem = new int[items];
        this.posterior = new double[items];
        this.sensitivity = new double[raters];
        this.falsePositive = new double[raters];
    }

    DawidSkene.Result run(int maxIterations, double tolerance) {
        majorityVote();
        maximise();
        int iterations = 0;
        double objective = Double.NEGATIVE_INFINITY;
        while (iterations < maxIterations && label.length > 0) {
            iterations++;
            double next = expect();
            maximise();
            if (next - objective < tolerance) {
                break;
            }
            objective = next;
        }
        return result(iterations);
    }

    /** The starting posteriors: each item's share of votes for 1. */
    private void majorityVote() {
        double[] ones = new double[items];
        for (int v = 0; v < label.length; v++) {
            votesPerItem[item[v]]++;
            ones[item[v]] += label[v];
        }
        for (int i = 0; i < items; i++) {
            posterior[i] = votesPerItem[i] == 0 ? 0 : ones[i] / votesPerItem[i];
        }
    }

    /** M-step: the prior and each rater's confusion from the posteriors, with pseudo-votes. */
    private void maximise() {
        double positives = 0;
        int voted = 0;
        for (int i = 0; i < items; i++) {
            if (votesPerItem[i] > 0) {
                positives += posterior[i];
                voted++;
            }
        }
        prior = (positives + S) / (voted + 2 * S);
        double[] onesWhenTrue = new double[raters];
        double[] weightTrue = new double[raters];
        double[] onesWhenFalse = new double[raters];
        double[] weightFalse = new double[raters];
        for (int v = 0; v < label.length; v++) {
            int r = rater[v];
            double t = posterior[item[v]];
            weightTrue[r] += t;
            weightFalse[r] += 1 - t;
            if (label[v] == 1) {
                onesWhenTrue[r] += t;
                onesWhenFalse[r] += 1 - t;
            }
        }
        for (int r = 0; r < raters; r++) {
            sensitivity[r] = (onesWhenTrue[r] + S) / (weightTrue[r] + 2 * S);
            falsePositive[r] = (onesWhenFalse[r] + S) / (weightFalse[r] + 2 * S);
        }
    }

    /**
     * E-step: each item's posterior from its votes, in logs so that hundreds of votes do not
     * underflow. Returns the log posterior of the current parameters per vote, the quantity EM
     * increases.
     */
    private double expect() {
        double[] logTrue = new double[items];
        double[] logFalse = new double[items];
        double[][] logs = voteLogs();
        for (int v = 0; v < label.length; v++) {
            int r = rater[v];
            int i = item[v];
            logTrue[i] += logs[label[v]][r];
            logFalse[i] += logs[2 + label[v]][r];
        }
        double logPrior = Math.log(prior);
        double logNotPrior = Math.log1p(-prior);
        double objective = S * (logPrior + logNotPrior);
        for (int i = 0; i < items; i++) {
            if (votesPerItem[i] == 0) {
                posterior[i] = prior;
                continue;
            }
            double a = logPrior + logTrue[i];
            double b = logNotPrior + logFalse[i];
            double max = Math.max(a, b);
            double sum = Math.exp(a - max) + Math.exp(b - max);
            posterior[i] = Math.exp(a - max) / sum;
            objective += max + Math.log(sum);
        }
        for (int r = 0; r < raters; r++) {
            objective += S * (Math.log(sensitivity[r]) + Math.log1p(-sensitivity[r])
                    + Math.log(falsePositive[r]) + Math.log1p(-falsePositive[r]));
        }
        return objective / label.length;
    }

    /** log p(label | truth) per rater: [0] label 0 | true 1, [1] label 1 | true 1, [2] label 0 | true 0, [3] label 1 | true 0. */
    private double[][] voteLogs() {
        double[][] logs = new double[4][raters];
        for (int r = 0; r < raters; r++) {
            logs[0][r] = Math.log1p(-sensitivity[r]);
            logs[1][r] = Math.log(sensitivity[r]);
            logs[2][r] = Math.log1p(-falsePositive[r]);
            logs[3][r] = Math.log(falsePositive[r]);
        }
        return logs;
    }

    private DawidSkene.Result result(int iterations) {
        double[] accuracy = new double[raters];
        double[][] confusion = new double[raters][];
        for (int r = 0; r < raters; r++) {
            accuracy[r] = prior * sensitivity[r] + (1 - prior) * (1 - falsePositive[r]);
            confusion[r] = new double[] {sensitivity[r], falsePositive[r]};
        }
        for (int i = 0; i < items; i++) {
            if (votesPerItem[i] == 0) {
                posterior[i] = prior;
            }
        }
        return new DawidSkene.Result(accuracy, confusion, posterior, prior, iterations);
    }
}
