package dev.swipeloop.host.scoring;

/**
 * Minimises {@link BradleyTerryLoss} for given pair weights, from a starting point it updates in
 * place. Two ways:
 * <ul>
 *   <li>{@link #minimise}: Newton's method with a fresh Hessian each step and a backtracking
 *       (Armijo) line search, which converges from any start because the loss is convex;</li>
 *   <li>{@link #refine}: the chord method, reusing one prepared Hessian for every step. Each step
 *       then costs a gradient and a solve instead of a factorisation, and from a nearby start
 *       (a bootstrap round begins at the full-data fit) it contracts by the small factor
 *       ‖I − H₀⁻¹·H‖. If it contracts by less than half, it hands over to {@link #minimise}.</li>
 * </ul>
 * Both stop when a full step moves no rating by more than {@link #STEP_TOLERANCE}, so the
 * ratings are stable to far below 10⁻³ rating points. One solver per thread: it owns its buffers.
 */
final class NewtonSolver {
    /**
     * In r units: 4·10⁻⁵ rating points. After a Newton step of this size the remaining error is
     * of the order of its square; after a chord step, at most the step times ρ/(1 − ρ) for the
     * contraction ρ ≤ {@link #CHORD_CONTRACTION}, so at most 4·10⁻⁵ points and in practice
     * (ρ ≈ 0.1) a tenth of that.
     */
    static final double STEP_TOLERANCE = 1e-7;
    private static final int MAX_NEWTON_STEPS = 200;
    private static final int MAX_CHORD_STEPS = 60;
    /** The chord method gives up when a step is more than this fraction of the one before. */
    private static final double CHORD_CONTRACTION = 0.5;
    /** A first chord step longer than this (r units, 400 points) means the start was not close. */
    private static final double CHORD_REACH = 1;
    private static final double ARMIJO = 1e-4;
    /**
     * A Newton step this small (40 points in the worst case, far less in practice) is inside the
     * region where full steps converge quadratically; it is taken without a line search, whose
     * loss differences would by then drown in rounding.
     */
    private static final double TRUSTED_STEP = 1e-1;

    private final BradleyTerryLoss loss;
    private final double[] gradient;
    private final double[] step;
    private final double[] trial;
    private final double[] curvature;

    NewtonSolver(BradleyTerryLoss loss) {
        this.loss = loss;
        int n = loss.players();
        this.gradient = new double[n];
        this.step = new double[n];
        this.trial = new double[n];
        this.curvature = new double[loss.table.pairs];
    }

    /** Newton's method from {@code r}; returns the number of steps taken. */
    int minimise(PairWeights weights, double[] r, NewtonSystem system) {
        for (int iteration = 1; iteration <= MAX_NEWTON_STEPS; iteration++) {
            loss.gradient(r, weights, gradient, curvature);
            system.prepare(curvature);
            system.solve(gradient, step);
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
                + MAX_NEWTON_STEPS + " steps (last gradient max " + maxAbs(gradient) + ")");
    }

    /**
     * The chord method from {@code r} with the prepared {@code fixed} system; falls back to
     * {@link #minimise} with the system {@code fallback}. Returns the number of steps.
     */
    int refine(PairWeights weights, double[] r, NewtonSystem fixed, NewtonSystem fallback) {
        double previous = CHORD_REACH / CHORD_CONTRACTION;
        for (int iteration = 1; iteration <= MAX_CHORD_STEPS; iteration++) {
            loss.gradient(r, weights, gradient, null);
            fixed.solve(gradient, step);
            double size = maxAbs(step);
            if (size > CHORD_CONTRACTION * previous) {
                return iteration + minimise(weights, r, fallback);
            }
            for (int i = 0; i < r.length; i++) {
                r[i] += step[i];
            }
            if (size <= STEP_TOLERANCE) {
                return iteration;
            }
            previous = size;
        }
        return MAX_CHORD_STEPS + minimise(weights, r, fallback);
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
