package dev.swipeloop.host.deck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.ranking.Knowledge;
import dev.swipeloop.host.ranking.Knowledge.Known;
import dev.swipeloop.host.scoring.Battles;
import dev.swipeloop.host.scoring.BradleyTerry;
import dev.swipeloop.host.scoring.KendallTau;
import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.host.settings.AppSettings.DeckSettings;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Learning decks against random decks on simulated apps with a known truth: how many votes
 * each needs before its ranking reaches a given accuracy (Kendall τ against the true order).
 * The learning deck is the production {@link LearningDealer} with the default settings, fed by
 * the same candidates storage gives (unjudged by the rater, least-judged first, four per card);
 * the random deck deals unjudged items in random order. Every rater votes on a few decks and
 * never sees an item twice in one mode, as on the real host.
 */
class LearningDeckSimulationTest {
    private static final DeckSettings DEFAULTS = AppSettings.DEFAULTS.deck();
    private static final double Z = AppSettings.DEFAULTS.ranking().z();
    private static final int SEEDS = 6;
    private static final int CARDS_PER_DECK = 10;

    // ---- binary: likes, ranked by the smoothed like rate -------------------------------------

    /**
     * A meme app's catalogue grows: 100 images at first, 20 fresh ones every 500 votes up to 300.
     * Random decks keep spending votes on old images; a learning deck deals the least-known first
     * and retires settled ones, so the fresh images catch up sooner.
     */
    @Test
    void binaryLearningDecksReachTheSameAccuracyWithFewerVotesOnAGrowingCatalogue() {
        double ratio = binaryRatio(100, 20, 0.80);
        assertTrue(ratio < 0.9, "learning ÷ random = " + ratio);
    }

    /**
     * On a fixed catalogue with like rates spread evenly, no order can save much: the best
     * allocation of votes (in proportion to each image's spread) needs about 7 % fewer than an
     * even one. The learning deck must at least not need more.
     */
    @Test
    void binaryLearningDecksAreNoWorseThanRandomDecksOnAFixedCatalogue() {
        double ratio = binaryRatio(300, 0, 0.80);
        assertTrue(ratio <= 1.05, "learning ÷ random = " + ratio);
    }

    private static double binaryRatio(int initial, int freshPer500Votes, double target) {
        double learning = 0;
        double random = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            learning += binaryVotesToReach(target, seed, true, initial, freshPer500Votes);
            random += binaryVotesToReach(target, seed, false, initial, freshPer500Votes);
        }
        double ratio = learning / random;
        System.out.printf("binary, %d images%s, τ ≥ %.2f: learning %.0f votes, random %.0f votes, ratio %.2f%n",
                initial, freshPer500Votes > 0 ? " growing by " + freshPer500Votes + " every 500 votes to 300" : "",
                target, learning / SEEDS, random / SEEDS, ratio);
        return ratio;
    }

    private static int binaryVotesToReach(double target, long seed, boolean learn, int initial, int freshPer500Votes) {
        Random random = new Random(seed);
        int total = 300;
        double[] truth = new double[total];
        List<Item> catalogue = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            truth[i] = 0.02 + 0.96 * random.nextDouble();
            catalogue.add(item("m" + i, null));
        }
        long[] likes = new long[total];
        long[] decided = new long[total];
        int votes = 0;
        for (int rater = 0; votes < 200_000; rater++) {
            Set<Integer> judged = new HashSet<>();
            for (int deck = 0; deck < 3; deck++) {
                int live = Math.min(total, initial + votes / 500 * freshPer500Votes);
                List<Integer> unjudged = unjudged(live, judged, decided);
                List<Integer> dealt = new ArrayList<>();
                if (learn) {
                    List<Item> candidates = new ArrayList<>();
                    Map<String, Known> known = new HashMap<>();
                    for (int i : unjudged.subList(0, Math.min(unjudged.size(),
                            CARDS_PER_DECK * DeckService.CANDIDATES_PER_CARD))) {
                        candidates.add(catalogue.get(i));
                        known.put("m" + i, Knowledge.fromCounts(likes[i], decided[i], Z));
                    }
                    LearningDealer.binary(candidates, known, CARDS_PER_DECK, DEFAULTS)
                            .forEach(item -> dealt.add(index(item)));
                } else {
                    Collections.shuffle(unjudged, random);
                    dealt.addAll(unjudged.subList(0, Math.min(unjudged.size(), CARDS_PER_DECK)));
                }
                if (dealt.isEmpty() && deck == 0) {
                    throw new AssertionError("every image retired before τ " + target + " (at " + votes + " votes)");
                }
                for (int i : dealt) {
                    judged.add(i);
                    decided[i]++;
                    likes[i] += random.nextDouble() < truth[i] ? 1 : 0;
                    votes++;
                    if (votes % 100 == 0 && live == total && tau(truth, likes, decided) >= target) {
                        return votes;
                    }
                }
            }
        }
        throw new AssertionError("never reached τ " + target);
    }

    private static double tau(double[] truth, long[] likes, long[] decided) {
        double[] estimate = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            estimate[i] = (likes[i] + 1.0) / (decided[i] + 2.0);
        }
        return KendallTau.of(truth, estimate);
    }

    // ---- pairs: Bradley–Terry over pair votes ------------------------------------------------

    @Test
    void pairLearningDecksReachTheSameAccuracyWithFewerVotesThanRandomDecks() {
        double target = 0.85;
        double learning = 0;
        double random = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            learning += pairVotesToReach(target, seed, true);
            random += pairVotesToReach(target, seed, false);
        }
        double ratio = learning / random;
        String report = String.format("pairs, 40 images of one prompt, τ ≥ %.2f: learning %.0f votes, random %.0f votes,"
                + " ratio %.2f", target, learning / SEEDS, random / SEEDS, ratio);
        System.out.println(report);
        assertTrue(ratio < 0.9, report);
    }

    private static int pairVotesToReach(double target, long seed, boolean learn) {
        Random random = new Random(seed);
        int n = 40;
        double[] truth = new double[n];
        List<Item> catalogue = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            truth[i] = 800 * random.nextDouble();
            catalogue.add(item("m" + i, "one-prompt"));
        }
        long[] wins = new long[n];
        long[] compared = new long[n];
        Battles battles = new Battles();
        for (int i = 0; i < n; i++) {
            battles.player("m" + i);
        }
        int votes = 0;
        for (int rater = 0; votes < 100_000; rater++) {
            Set<Integer> judged = new HashSet<>();
            for (int deck = 0; deck < 2; deck++) {
                List<Integer> unjudged = unjudged(n, judged, compared);
                List<int[]> dealt = new ArrayList<>();
                if (learn) {
                    List<Item> candidates = new ArrayList<>();
                    Map<String, Known> known = new HashMap<>();
                    for (int i : unjudged.subList(0, Math.min(unjudged.size(),
                            CARDS_PER_DECK * DeckService.CANDIDATES_PER_CARD))) {
                        candidates.add(catalogue.get(i));
                        known.put("m" + i, Knowledge.fromCounts(wins[i], compared[i], Z));
                    }
                    for (PairDealer.Pair pair : LearningDealer.pairs(candidates, known, CARDS_PER_DECK, DEFAULTS, random)) {
                        dealt.add(new int[] {index(pair.left()), index(pair.right())});
                    }
                } else {
                    Collections.shuffle(unjudged, random);
                    for (int k = 0; k + 1 < unjudged.size() && dealt.size() < CARDS_PER_DECK; k += 2) {
                        dealt.add(new int[] {unjudged.get(k), unjudged.get(k + 1)});
                    }
                }
                if (dealt.isEmpty() && deck == 0) {
                    throw new AssertionError("every image retired before τ " + target + " (at " + votes + " votes)");
                }
                for (int[] pair : dealt) {
                    judged.add(pair[0]);
                    judged.add(pair[1]);
                    double leftWins = 1 / (1 + Math.pow(10, (truth[pair[1]] - truth[pair[0]]) / 400));
                    boolean left = random.nextDouble() < leftWins;
                    int winner = left ? pair[0] : pair[1];
                    wins[winner]++;
                    compared[pair[0]]++;
                    compared[pair[1]]++;
                    battles.add("m" + pair[0], "m" + pair[1], left ? Battles.Outcome.A_WINS : Battles.Outcome.B_WINS);
                    votes++;
                    if (votes % 50 == 0 && KendallTau.of(truth, BradleyTerry.fit(battles).ratings()) >= target) {
                        return votes;
                    }
                }
            }
        }
        throw new AssertionError("never reached τ " + target);
    }

    // ---- what storage does -------------------------------------------------------------------

    /** The items this rater has not judged, least-judged first (then by index), as storage deals candidates. */
    private static List<Integer> unjudged(int n, Set<Integer> judged, long[] judgedCount) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!judged.contains(i)) {
                open.add(i);
            }
        }
        open.sort(Comparator.comparingLong((Integer i) -> judgedCount[i]).thenComparingInt(i -> i));
        return open;
    }

    private static Item item(String id, String group) {
        return new Item("sim", id, "https://img.example/" + id + ".png", Provenance.NONE, group, null, null);
    }

    private static int index(Item item) {
        return Integer.parseInt(item.id().substring(1));
    }
}
