package dev.swipeloop.host.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.scoring.Battles.Outcome;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BradleyTerryTest {
    private static final double RIDGE = BradleyTerry.DEFAULT_RIDGE;

    @Test
    void recoversTheTrueOrderOfSimulatedPlayers() {
        // 20 players evenly spread over 600 points (32 points apart), in shuffled index order,
        // 4,000 battles of which 10 % are ties: about 400 battles each.
        SplittableRandom random = new SplittableRandom(20240501);
        double[] truth = BattleSimulator.shuffled(BattleSimulator.evenlySpread(20, 600), random);
        Battles battles = BattleSimulator.simulate(truth, 4000, 0.1, random);

        BradleyTerry.Fit fit = BradleyTerry.fit(battles);

        double tau = KendallTau.of(truth, fit.ratings());
        assertTrue(tau >= 0.9, "Kendall τ between true and fitted ratings was " + tau);
        assertEquals(20 * 1000, Arrays.stream(fit.ratings()).sum(), 1e-6, "the ridge centres ratings on 1000");
        for (int i = 0; i < truth.length; i++) {
            assertEquals(400 * fit.r()[i] + 1000, fit.ratings()[i], 1e-9);
        }
    }

    @Test
    void aTieCountsAsHalfAWinEachWay() {
        Battles withTies = new Battles();
        Battles withoutTies = new Battles();
        addTimes(withTies, 3, Outcome.A_WINS);
        addTimes(withTies, 1, Outcome.B_WINS);
        addTimes(withTies, 2, Outcome.TIE);
        addTimes(withoutTies, 4, Outcome.A_WINS);
        addTimes(withoutTies, 2, Outcome.B_WINS);

        double[] tied = BradleyTerry.fit(withTies).ratings();
        assertArrayEquals(BradleyTerry.fit(withoutTies).ratings(), tied, 1e-9);

        // With a negligible ridge, a scoring 4 of 6 means σ(ln10·Δr) = 2/3: Δ = 400·log10(2) points.
        double[] unshrunk = BradleyTerry.fit(withTies, 1e-9, null).ratings();
        assertEquals(400 * Math.log10(2), unshrunk[0] - unshrunk[1], 1e-4);
    }

    @Test
    void perfectSeparationStaysFiniteAndOrdered() {
        Battles battles = new Battles();
        for (int k = 0; k < 10; k++) {
            battles.add("a", "b", Outcome.A_WINS);
            battles.add("b", "c", Outcome.A_WINS);
        }
        BradleyTerry.Fit fit = BradleyTerry.fit(battles);
        double[] ratings = fit.ratings();
        assertTrue(ratings[0] > ratings[1] && ratings[1] > ratings[2], Arrays.toString(ratings));
        assertTrue(ratings[0] < 5000 && ratings[2] > -3000, "finite and bounded: " + Arrays.toString(ratings));
        assertEquals(3000, ratings[0] + ratings[1] + ratings[2], 1e-6);
        // The middle player is symmetric between the two.
        assertEquals(1000, ratings[1], 1e-6);
    }

    @Test
    void eachDisconnectedGroupAveragesTheInitialRatingAndAPlayerWithoutBattlesHasIt() {
        Battles battles = new Battles();
        addTimes(battles, "a", "b", 7, Outcome.A_WINS);
        addTimes(battles, "a", "b", 3, Outcome.B_WINS);
        addTimes(battles, "c", "d", 2, Outcome.A_WINS);
        addTimes(battles, "c", "d", 6, Outcome.B_WINS);
        battles.player("idle");

        double[] ratings = BradleyTerry.fit(battles).ratings();
        assertEquals(2000, ratings[0] + ratings[1], 1e-6);
        assertEquals(2000, ratings[2] + ratings[3], 1e-6);
        assertTrue(ratings[0] > ratings[1] && ratings[3] > ratings[2]);
        assertEquals(1000, ratings[4], 1e-9);
    }

    @Test
    void aWarmStartGivesTheSameRatingsInFewerSteps() {
        SplittableRandom random = new SplittableRandom(7);
        double[] truth = BattleSimulator.evenlySpread(12, 500);
        Battles battles = BattleSimulator.simulate(truth, 2000, 0.05, random);
        BradleyTerry.Fit cold = BradleyTerry.fit(battles);

        double[] elsewhere = new double[truth.length];
        for (int i = 0; i < elsewhere.length; i++) {
            elsewhere[i] = 3 * random.nextGaussian();
        }
        assertArrayEquals(cold.ratings(), BradleyTerry.fit(battles, RIDGE, elsewhere).ratings(), 1e-6);

        BradleyTerry.Fit warm = BradleyTerry.fit(battles, RIDGE, cold.r());
        assertArrayEquals(cold.ratings(), warm.ratings(), 1e-6);
        assertEquals(1, warm.iterations());
        assertTrue(cold.iterations() > 1);
    }

    @Test
    void theBootstrapDependsOnTheSeedButNotOnTheThreads() {
        SplittableRandom random = new SplittableRandom(3);
        Battles battles = BattleSimulator.simulate(BattleSimulator.evenlySpread(8, 400), 800, 0.1, random);
        BradleyTerry.Fit mle = BradleyTerry.fit(battles);

        BradleyTerry.Bootstrap one = BradleyTerry.bootstrap(battles, 40, 99, RIDGE, mle, 1);
        BradleyTerry.Bootstrap two = BradleyTerry.bootstrap(battles, 40, 99, RIDGE, mle, 2);
        BradleyTerry.Bootstrap otherSeed = BradleyTerry.bootstrap(battles, 40, 100, RIDGE, mle, 2);

        assertArrayEquals(one.lower(), two.lower(), 0);
        assertArrayEquals(one.upper(), two.upper(), 0);
        assertFalse(Arrays.equals(one.lower(), otherSeed.lower()));
        assertEquals(40, one.rounds());
        for (int i = 0; i < mle.ratings().length; i++) {
            assertTrue(one.lower()[i] < mle.ratings()[i] && mle.ratings()[i] < one.upper()[i],
                    "player " + i + ": " + one.lower()[i] + " < " + mle.ratings()[i] + " < " + one.upper()[i]);
        }
    }

    @Test
    void withoutBattlesEveryoneRatesTheInitialRatingWithAnEmptyInterval() {
        Battles battles = new Battles();
        battles.player("a");
        BradleyTerry.Fit mle = BradleyTerry.fit(battles);
        BradleyTerry.Bootstrap bootstrap = BradleyTerry.bootstrap(battles, 10, 1, RIDGE, mle, 2);
        assertArrayEquals(new double[] {1000}, mle.ratings());
        assertArrayEquals(new double[] {1000}, bootstrap.lower());
        assertArrayEquals(new double[] {1000}, bootstrap.upper());
    }

    @Test
    void argumentsThatCannotWorkAreRefused() {
        Battles battles = new Battles();
        battles.add("a", "b", Outcome.TIE);
        BradleyTerry.Fit mle = BradleyTerry.fit(battles);
        assertThrows(IllegalArgumentException.class, () -> BradleyTerry.fit(battles, 0, null));
        assertThrows(IllegalArgumentException.class, () -> BradleyTerry.fit(battles, RIDGE, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> BradleyTerry.bootstrap(battles, 0, 1, RIDGE, mle, 1));
        battles.player("c");
        assertThrows(IllegalArgumentException.class, () -> BradleyTerry.bootstrap(battles, 10, 1, RIDGE, mle, 1));
    }

    private static void addTimes(Battles battles, int times, Outcome outcome) {
        addTimes(battles, "a", "b", times, outcome);
    }

    private static void addTimes(Battles battles, String a, String b, int times, Outcome outcome) {
        for (int k = 0; k < times; k++) {
            battles.add(a, b, outcome);
        }
    }
}
