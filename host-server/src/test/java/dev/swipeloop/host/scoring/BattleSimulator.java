package dev.swipeloop.host.scoring;

import dev.swipeloop.host.scoring.Battles.Outcome;
import java.util.SplittableRandom;

/**
 * Battles drawn from a known Bradley–Terry truth: each battle picks two different players
 * uniformly, is a tie with probability {@code tieRate}, and otherwise goes to a with
 * probability {@code σ(ln 10·(r_a − r_b))}, for true strengths in r units. Players are named
 * "p0", "p1", … and registered in that order, so index i is player i.
 */
final class BattleSimulator {
    private BattleSimulator() {
    }

    static Battles simulate(double[] trueR, int count, double tieRate, SplittableRandom random) {
        Battles battles = new Battles();
        String[] ids = new String[trueR.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "p" + i;
            battles.player(ids[i]);
        }
        for (int k = 0; k < count; k++) {
            int a = random.nextInt(trueR.length);
            int b = random.nextInt(trueR.length - 1);
            if (b >= a) {
                b++;
            }
            battles.add(ids[a], ids[b], outcome(trueR[a] - trueR[b], tieRate, random));
        }
        return battles;
    }

    static Outcome outcome(double difference, double tieRate, SplittableRandom random) {
        if (random.nextDouble() < tieRate) {
            return Outcome.TIE;
        }
        double aWins = 1 / (1 + Math.pow(10, -difference));
        return random.nextDouble() < aWins ? Outcome.A_WINS : Outcome.B_WINS;
    }

    /** n true strengths evenly spread over {@code spreadPoints} rating points, centred on 0, in r units. */
    static double[] evenlySpread(int n, double spreadPoints) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = (spreadPoints * i / (n - 1) - spreadPoints / 2) / BradleyTerry.SCALE;
        }
        return r;
    }

    static double[] shuffled(double[] values, SplittableRandom random) {
        double[] copy = values.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        return copy;
    }
}
