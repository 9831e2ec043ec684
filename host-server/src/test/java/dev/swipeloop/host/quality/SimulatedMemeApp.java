package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A meme app with a known truth, for judging the rules on data that looks like the real
 * thing. Each ordinary item has a true like-probability; each honest rater likes with that
 * probability shifted by personal taste, takes log-normal time per card (some raters are
 * quick yet careful, and everyone has the odd reflex swipe), and answers gold items right
 * nearly always. Spammers of several kinds answer without looking. Everything follows from
 * the seed.
 */
final class SimulatedMemeApp {
    /** Who a rater really is. */
    enum Kind {
        HONEST, HONEST_QUICK,
        /** Answers at random, as fast as the widget lets them. */
        RANDOM_CLICKER,
        /** A script posting likes without a dwell time. */
        ALWAYS_LIKE_BOT,
        /** Dislikes everything, at a bored human's pace. */
        ALWAYS_DISLIKE,
        /** In pairs, always takes the left one. */
        LEFT_CLICKER,
        /** Answers at random but slowly, so that only gold can tell. */
        GOLD_FAILER,
        /** Honest stretches and fast random bursts in turn. */
        MIXED;

        boolean spammer() {
            return this != HONEST && this != HONEST_QUICK;
        }
    }

    record Rater(String id, Kind kind, boolean pairDeck, double taste, double medianDwellMs, double dwellSpread,
                 Random random) {
    }

    private static final double GOLD_SHARE = 0.05;
    private static final double REFLEX_SHARE = 0.05;

    private final Random random;
    private final double[] itemLogit;
    private final Map<String, Verdict> gold = new HashMap<>();
    private final List<String> goldBroken = new ArrayList<>();
    private final List<String> goldFine = new ArrayList<>();
    private final List<Rater> raters = new ArrayList<>();

    SimulatedMemeApp(long seed, int items, int goldItems) {
        random = new Random(seed);
        itemLogit = new double[items];
        for (int i = 0; i < items; i++) {
            itemLogit[i] = random.nextGaussian() * 1.2;
        }
        // Gold is for objectively broken images; a few "clearly fine" ones keep always-dislike from passing.
        for (int i = 0; i < goldItems; i++) {
            boolean broken = i < goldItems * 0.8;
            String id = (broken ? "gold-broken-" : "gold-fine-") + i;
            gold.put(id, broken ? Verdict.DISLIKE : Verdict.LIKE);
            (broken ? goldBroken : goldFine).add(id);
        }
    }

    GoldLookup gold() {
        return gold::get;
    }

    List<Rater> raters() {
        return raters;
    }

    void addRaters(Kind kind, int count, double pairDeckShare) {
        for (int i = 0; i < count; i++) {
            String id = kind.name().toLowerCase(Locale.ROOT) + "-" + i;
            boolean pairs = kind == Kind.LEFT_CLICKER || (kind != Kind.ALWAYS_LIKE_BOT && kind != Kind.ALWAYS_DISLIKE
                    && random.nextDouble() < pairDeckShare);
            double median = switch (kind) {
                case HONEST, GOLD_FAILER, MIXED -> 2200 * Math.exp(random.nextGaussian() * 0.25);
                case HONEST_QUICK -> 1000 * Math.exp(random.nextGaussian() * 0.1);
                case RANDOM_CLICKER -> 300;
                case ALWAYS_DISLIKE -> 900;
                case LEFT_CLICKER -> 700;
                case ALWAYS_LIKE_BOT -> Double.NaN;
            };
            double spread = kind == Kind.HONEST_QUICK || kind == Kind.RANDOM_CLICKER ? 0.4 : 0.5;
            raters.add(new Rater(id, kind, pairs, random.nextGaussian() * 0.7, median, spread,
                    new Random(random.nextLong())));
        }
    }

    /**
     * Every rater's {@code cardsPerRater} votes, interleaved at random as if they swiped at the same
     * time, with seq from 1 and receivedAt 50 ms apart.
     */
    List<Vote> votes(int cardsPerRater) {
        List<Rater> active = new ArrayList<>(raters);
        Map<Rater, int[]> left = new HashMap<>();
        Map<Rater, boolean[]> inBurst = new HashMap<>();
        for (Rater rater : raters) {
            left.put(rater, new int[] {cardsPerRater});
            inBurst.put(rater, new boolean[1]);
        }
        List<Vote> votes = new ArrayList<>(raters.size() * cardsPerRater);
        Instant clock = Instant.parse("2026-05-04T08:00:00Z");
        while (!active.isEmpty()) {
            int pick = random.nextInt(active.size());
            Rater rater = active.get(pick);
            if (--left.get(rater)[0] == 0) {
                active.set(pick, active.get(active.size() - 1));
                active.remove(active.size() - 1);
            }
            long seq = votes.size() + 1;
            votes.add(vote(rater, inBurst.get(rater), seq, clock));
            clock = clock.plus(Duration.ofMillis(50));
        }
        return votes;
    }

    private Vote vote(Rater rater, boolean[] inBurst, long seq, Instant at) {
        Random r = rater.random();
        if (rater.kind() == Kind.MIXED && r.nextDouble() < 1.0 / 8) {
            inBurst[0] = !inBurst[0];
        }
        boolean looks = switch (rater.kind()) {
            case HONEST, HONEST_QUICK -> true;
            case MIXED -> !inBurst[0];
            default -> false;
        };
        boolean isGold = r.nextDouble() < GOLD_SHARE;
        Judgement judgement = rater.pairDeck() ? pair(rater, looks, isGold) : binary(rater, looks, isGold);
        Integer dwell = dwell(rater, looks, judgement instanceof Judgement.Pair);
        return new Vote(new UUID(0, seq), "memes", rater.id(), null, judgement, dwell, null, seq, at);
    }

    private Judgement binary(Rater rater, boolean looks, boolean isGold) {
        Random r = rater.random();
        String item = isGold ? pickGold(r) : "meme-" + r.nextInt(itemLogit.length);
        Verdict verdict = switch (rater.kind()) {
            case ALWAYS_LIKE_BOT -> Verdict.LIKE;
            case ALWAYS_DISLIKE -> Verdict.DISLIKE;
            default -> looks ? honestVerdict(item, rater) : (r.nextBoolean() ? Verdict.LIKE : Verdict.DISLIKE);
        };
        return new Judgement.Binary(item, verdict);
    }

    private String pickGold(Random r) {
        return r.nextDouble() < 0.8 ? goldBroken.get(r.nextInt(goldBroken.size())) : goldFine.get(r.nextInt(goldFine.size()));
    }

    private Verdict honestVerdict(String item, Rater rater) {
        Random r = rater.random();
        if (r.nextDouble() < 0.03) {
            return Verdict.SKIP;
        }
        Verdict known = gold.get(item);
        if (known != null) {
            // A broken image is plain to see; a "fine" one can still be an unfunny meme to someone.
            double right = known == Verdict.DISLIKE ? 0.97 : 0.88;
            boolean correct = r.nextDouble() < right;
            return correct == (known == Verdict.LIKE) ? Verdict.LIKE : Verdict.DISLIKE;
        }
        double logit = itemLogit[Integer.parseInt(item.substring("meme-".length()))] + rater.taste();
        return r.nextDouble() < sigmoid(logit) ? Verdict.LIKE : Verdict.DISLIKE;
    }

    private Judgement pair(Rater rater, boolean looks, boolean isGold) {
        Random r = rater.random();
        String a;
        String b;
        if (isGold) {
            a = goldFine.get(r.nextInt(goldFine.size()));
            b = goldBroken.get(r.nextInt(goldBroken.size()));
        } else {
            a = "meme-" + r.nextInt(itemLogit.length);
            b = "meme-" + r.nextInt(itemLogit.length);
        }
        // The widget shows the two in random order.
        String left = r.nextBoolean() ? a : b;
        String right = left.equals(a) ? b : a;
        Choice choice;
        if (rater.kind() == Kind.LEFT_CLICKER) {
            choice = Choice.LEFT;
        } else if (!looks) {
            choice = r.nextBoolean() ? Choice.LEFT : Choice.RIGHT;
        } else {
            choice = honestChoice(left, right, isGold, r);
        }
        return new Judgement.Pair(left, right, choice);
    }

    private Choice honestChoice(String left, String right, boolean isGold, Random r) {
        double u = r.nextDouble();
        if (u < 0.03) {
            return Choice.SKIP;
        }
        if (u < (isGold ? 0.05 : 0.08)) {
            return Choice.TIE;
        }
        if (isGold) {
            boolean likeSideLeft = gold.get(left) == Verdict.LIKE;
            return (r.nextDouble() < 0.97) == likeSideLeft ? Choice.LEFT : Choice.RIGHT;
        }
        double diff = itemLogit[Integer.parseInt(left.substring(5))] - itemLogit[Integer.parseInt(right.substring(5))];
        // A slight pull to the left, as people have.
        return r.nextDouble() < sigmoid(1.5 * diff + 0.15) ? Choice.LEFT : Choice.RIGHT;
    }

    /** Milliseconds from the card appearing to the answer; null for scripts, which send none. */
    private Integer dwell(Rater rater, boolean looks, boolean pair) {
        if (rater.kind() == Kind.ALWAYS_LIKE_BOT) {
            return null;
        }
        Random r = rater.random();
        if (!looks && rater.kind() == Kind.MIXED) {
            return (int) logNormal(r, 300, 0.4);
        }
        if (looks && r.nextDouble() < REFLEX_SHARE) {
            return (int) logNormal(r, 600, 0.25);
        }
        double median = rater.medianDwellMs() * (pair && looks ? 1.5 : 1);
        return (int) logNormal(r, median, rater.dwellSpread());
    }

    private static double logNormal(Random r, double median, double spread) {
        return median * Math.exp(r.nextGaussian() * spread);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
