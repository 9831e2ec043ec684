package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.host.scoring.Battles.Outcome;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BradleyTerry} against {@link UnaggregatedLogisticRegression}, a solver that shares none
 * of its code, on the same battles and ridge: one row per battle instead of one slot per pair,
 * ties as two half-weight rows instead of half-points, Gaussian elimination instead of conjugate
 * gradients. Both minimise a strictly convex loss, so they must meet at its one
 * minimum.
 */
class BradleyTerryAgreementTest {
    private static final double TOLERANCE_POINTS = 1e-3;

    @Test
    void agreesOnSimulatedBattlesWithTies() {
        SplittableRandom random = new SplittableRandom(424242);
        double[] truth = BattleSimulator.shuffled(BattleSimulator.evenlySpread(15, 800), random);
        assertAgree(recordBoth(truth, 1500, 0.15, random), BradleyTerry.DEFAULT_RIDGE);
    }

    @Test
    void agreesWithAStrongerRidgeOnFewBattles() {
        SplittableRandom random = new SplittableRandom(77);
        double[] truth = BattleSimulator.evenlySpread(9, 600);
        assertAgree(recordBoth(truth, 60, 0.2, random), 0.5);
    }

    @Test
    void agreesUnderPerfectSeparationAndWithAPlayerWithoutBattles() {
        Both both = new Both(4);
        for (int k = 0; k < 12; k++) {
            both.add(0, 1, Outcome.A_WINS);
            both.add(1, 2, k % 3 == 0 ? Outcome.TIE : Outcome.A_WINS);
        }
        both.battles.player("p3");
        assertAgree(both, BradleyTerry.DEFAULT_RIDGE);
    }

    private static void assertAgree(Both both, double ridge) {
        double[] reference = BradleyTerry.points(both.reference.solve(ridge));
        double[] fitted = BradleyTerry.fit(both.battles, ridge, null).ratings();
        for (int i = 0; i < reference.length; i++) {
            assertEquals(reference[i], fitted[i], TOLERANCE_POINTS, "player " + i);
        }
    }

    private static Both recordBoth(double[] truth, int count, double tieRate, SplittableRandom random) {
        Both both = new Both(truth.length);
        for (int k = 0; k < count; k++) {
            int a = random.nextInt(truth.length);
            int b = random.nextInt(truth.length - 1);
            if (b >= a) {
                b++;
            }
            both.add(a, b, BattleSimulator.outcome(truth[a] - truth[b], tieRate, random));
        }
        return both;
    }

    /** The same battles recorded for both solvers, with player i named "p" + i at index i. */
    private static final class Both {
        final Battles battles = new Battles();
        final UnaggregatedLogisticRegression reference;

        Both(int players) {
            reference = new UnaggregatedLogisticRegression(players);
            for (int i = 0; i < players; i++) {
                battles.player("p" + i);
            }
        }

        void add(int a, int b, Outcome outcome) {
            battles.add("p" + a, "p" + b, outcome);
            reference.add(a, b, outcome);
        }
    }
}
