package dev.swipeloop.host.scoring;

/**
 * Minimises {@link BradleyTerryLoss} for given pair weights by Newton's method, from a starting
 * point it updates in place: each step solved by {@link NewtonStep}, with a backtracking (Armijo)
 * line search while steps are long, so it converges from any start because the loss is convex.
 * It stops when a full step moves no rating by more than {@link #STEP_TOLERANCE}. One solver per
 * thread: it owns its buffers.
 */
final class NewtonSolver {
    /**
     * In r units: 4·10⁻⁵ rating points. Newton converges quadratically, so after a step this
     * small the error left is of the order of its square.
     */
    static final double STEP_TOLERANCE = 1e-7;
    private static final int MAX_STEPS = 200;
    private static final double ARMIJO = 1e-4;
    /**
     * A Newton step this small (40 points in the worst case, far less in practice) is inside the
     * region where full steps converge quadratically; it is taken without a line search, whose
     * loss differences would by then drown in rounding.
     */
    private static final double TRUSTED_STEP = 1e-1;

    private final BradleyTerryLoss loss;
    private final NewtonStep newtonStep;
    private final double[] gradient;
    private final double[] step;
    private final double[] trial;
    private final double[] curvature;

    NewtonSolver(BradleyTerryLoss loss) {
        this.loss = loss;
        this.newtonStep = new NewtonStep(loss.table, loss.ridge);
        int n = loss.players();
        this.gradient = new double[n];
        this.step = new double[n];
        this.trial = new double[n];
        this.curvature = new double[loss.table.pairs];
    }

    /** Newton's method from {@code r}; returns the number of steps taken. */
    int minimise(PairWeights weights, double[] r) {
        for (int iteration = 1; iteration <= MAX_STEPS; iteration++) {
            loss.gradient(r, weights, gradient, curvature);
            newtonStep.prepare(curvature);
            newtonStep.solve(gradient, step);
            double size = maxAbs(step);
            double fraction = size <= TRUSTED_STEP ? 1 : lineSearch(weights, r);
            for (int i = 0; i < r.length; i++) {
                r[i] += fraction * step[i];
            }
            if (size <= STEP_TOLERANCE) {
                return iteration;
            }
        }
        throw new IllegalStateException("Bradley–Terry Newton iteration did not converge in "
                + MAX_STEPS + " steps (last gradient max " + maxAbs(gradient) + ")");
    }

    /** The largest fraction 2⁻ᵏ of {@link #step} that decreases the loss enough (Armijo). */
    private double lineSearch(PairWeights weights, double[] r) {
        double start = loss.value(r, weights);
        double slope = 0;
        for (int i = 0; i < r.length; i++) {
            slope += gradient[i] * step[i];
        }
        double fraction = 1;
        for (int halvings = 0; halvings < 60; halvings++) {
            for (int i = 0; i < r.length; i++) {
                trial[i] = r[i] + fraction * step[i];
            }
            if (loss.value(trial, weights) <= start + ARMIJO * fraction * slope) {
                return fraction;
            }
            fraction /= 2;
        }
        return fraction;
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
