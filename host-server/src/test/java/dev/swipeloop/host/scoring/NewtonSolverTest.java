package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The chord method must land on Newton's minimum, whether it converges itself or hands over: to
 * within its documented error, a step tolerance times ρ/(1 − ρ) with the contraction ρ ≤ ½.
 */
class NewtonSolverTest {
    private static final double RIDGE = BradleyTerry.DEFAULT_RIDGE;
    private static final double CHORD_ERROR = NewtonSolver.STEP_TOLERANCE;

    @Test
    void chordStepsFromNearbyReachNewtonsMinimum() {
        PairTable table = table(2000);
        double[] newton = new double[table.players];
        NewtonSolver solver = new NewtonSolver(new BradleyTerryLoss(table, RIDGE));
        solver.minimise(table.weights(), newton, new IterativeNewtonSystem(table, RIDGE));

        // The fixed matrix is the Hessian at r = 0, a start ~200 points from the minimum.
        double[] chord = new double[table.players];
        solver.refine(table.weights(), chord, hessianAtZero(table), new IterativeNewtonSystem(table, RIDGE));
        assertArrayEquals(newton, chord, CHORD_ERROR);
    }

    @Test
    void aChordThatCannotContractHandsOverToNewton() {
        // Few battles and a start 2 r units (800 points) off: the first chord step is too long
        // to trust, and Newton with its line search must finish the job.
        PairTable table = table(40);
        double[] newton = new double[table.players];
        NewtonSolver solver = new NewtonSolver(new BradleyTerryLoss(table, RIDGE));
        solver.minimise(table.weights(), newton, new IterativeNewtonSystem(table, RIDGE));

        double[] chord = new double[table.players];
        for (int i = 0; i < chord.length; i++) {
            chord[i] = i % 2 == 0 ? 2 : -2;
        }
        solver.refine(table.weights(), chord, hessianAtZero(table), new IterativeNewtonSystem(table, RIDGE));
        assertArrayEquals(newton, chord, CHORD_ERROR);
    }

    private static PairTable table(int battles) {
        SplittableRandom random = new SplittableRandom(17);
        double[] truth = BattleSimulator.shuffled(BattleSimulator.evenlySpread(8, 500), random);
        return PairTable.of(BattleSimulator.simulate(truth, battles, 0.1, random));
    }

    private static DenseNewtonSystem hessianAtZero(PairTable table) {
        double[] gradient = new double[table.players];
        double[] curvature = new double[table.pairs];
        new BradleyTerryLoss(table, RIDGE).gradient(new double[table.players], table.weights(), gradient, curvature);
        DenseNewtonSystem system = new DenseNewtonSystem(table, RIDGE);
        system.prepare(curvature);
        return system;
    }
}
