package dev.swipeloop.host.ranking;

import dev.swipeloop.host.quality.RaterQuality;
import dev.swipeloop.host.quality.RewardSignals;
import dev.swipeloop.host.scoring.Battles;
import dev.swipeloop.host.scoring.Elo;
import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * What one app's votes add up to, folded one vote at a time in seq order: counts per item and
 * per model, the pairwise battles (among items, among models; a prompt group's are derived from
 * the items' when asked), live Elo, the
 * binary answers Dawid–Skene weighs, and each rater's quality. Rankings read it instead of
 * the votes, so a request costs what the answer costs, not a pass over every vote.
 *
 * <p>Folding takes the write lock a page of votes at a time; readers take the read lock
 * through {@link #read}. Expensive work (Bradley–Terry, Dawid–Skene) copies what it needs
 * under the lock and computes outside it.
 */
final class AppBoard {
    private final String appId;
    private volatile AppSettings settings;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    final Catalogue catalogue = new Catalogue();
    final Tally itemTally = new Tally();
    final Tally modelTally = new Tally();
    final Battles itemBattles = new Battles();
    final Battles modelBattles = new Battles();
    final Elo itemElo;
    final Elo modelElo;
    final BinaryVoteLog binaryLog = new BinaryVoteLog();
    final RaterQuality quality;
    private final VoteTap tap;
    private final RewardSignals rewardSignals;
    private long lastSeq;
    private long lastBattleSeq;
    private long likes;
    private long dislikes;

    AppBoard(String appId, AppSettings settings) {
        this(appId, settings, null);
    }

    /** @param tap told of every vote folded, with its rater's signals; null for none */
    AppBoard(String appId, AppSettings settings, VoteTap tap) {
        this.appId = appId;
        this.settings = settings;
        this.tap = tap;
        AppSettings.RankingSettings ranking = settings.ranking();
        this.itemElo = new Elo(ranking.eloK(), 400, 10, 1000);
        this.modelElo = new Elo(ranking.eloK(), 400, 10, 1000);
        this.quality = new RaterQuality(settings.quality());
        this.rewardSignals = tap == null ? null : new RewardSignals(quality);
    }

    String appId() {
        return appId;
    }

    /**
     * The app's settings as of the last refresh. The board was built with the same
     * {@link AppSettings#boardInputs()}; other settings (intervals, decks) are read from here.
     */
    AppSettings settings() {
        return settings;
    }

    /** Settings that changed only in what the board is not built from (z, prior, rounds, decks). */
    void adopt(AppSettings changed) {
        settings = changed;
    }

    /** The seq of the last vote folded in: the board is exact as of this vote. */
    long lastSeq() {
        return read(board -> board.lastSeq);
    }

    /** The seq of the last vote that added a battle: Bradley–Terry fits change only with these. */
    long lastBattleSeq() {
        return read(board -> board.lastBattleSeq);
    }

    /**
     * The app's like rate over binary votes on regular items, the mean of the Bayesian prior.
     * Laplace-smoothed ((likes + 1) / (decided + 2)), so an app whose first votes are all likes
     * still has a prior that can move, and an app with no votes has 0.5.
     */
    double likeRate() {
        return (likes + 1.0) / (likes + dislikes + 2.0);
    }

    <T> T read(Function<AppBoard, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(this);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** For {@link RaterQuality}, whose queries update its per-day state and so need the board alone. */
    <T> T exclusive(Function<AppBoard, T> query) {
        lock.writeLock().lock();
        try {
            return query.apply(this);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Folds one page of votes, in seq order; {@code items} has the provenance of every item they
     * mention that the catalogue does not know yet (ids storage no longer has are absent).
     */
    void fold(List<Vote> page, Map<String, Item> items) {
        lock.writeLock().lock();
        try {
            for (Vote vote : page) {
                fold(vote, items);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Gold items count for rater quality and their own stats only: they are honeypots, so they
     * stay out of model counts, battles and Elo, and so out of every ranking. Quality sees the
     * vote first: it refuses a vote out of order before anything else is counted.
     */
    private void fold(Vote vote, Map<String, Item> items) {
        if (vote.judgement() instanceof Judgement.Binary binary) {
            int item = catalogue.add(binary.item(), items.get(binary.item()));
            quality.observe(vote, catalogue::goldOf);
            itemTally.binary(item, binary.verdict());
            boolean regular = catalogue.goldOf(item) == null;
            int model = catalogue.modelOf(item);
            if (model >= 0 && regular) {
                modelTally.binary(model, binary.verdict());
            }
            if (binary.verdict() != Verdict.SKIP) {
                binaryLog.add(vote.rater(), item, binary.verdict() == Verdict.LIKE);
                if (regular) {
                    if (binary.verdict() == Verdict.LIKE) {
                        likes++;
                    } else {
                        dislikes++;
                    }
                }
            }
        } else if (vote.judgement() instanceof Judgement.Pair pair) {
            int left = catalogue.add(pair.left(), items.get(pair.left()));
            int right = catalogue.add(pair.right(), items.get(pair.right()));
            quality.observe(vote, catalogue::goldOf);
            foldPair(pair, left, right, vote.seq());
        }
        lastSeq = vote.seq();
        if (tap != null) {
            rewardSignals.observe(vote, catalogue::goldOf);
            if (tap.wants(appId, vote.seq())) {
                tap.counted(vote, rewardSignals.signals(vote));
            }
        }
    }

    private void foldPair(Judgement.Pair pair, int left, int right, long seq) {
        Choice choice = pair.choice();
        tallyPair(itemTally, left, right, choice);
        if (catalogue.goldOf(left) != null || catalogue.goldOf(right) != null) {
            return;
        }
        int leftModel = catalogue.modelOf(left);
        int rightModel = catalogue.modelOf(right);
        boolean modelBattle = leftModel >= 0 && rightModel >= 0 && leftModel != rightModel;
        if (modelBattle) {
            tallyPair(modelTally, leftModel, rightModel, choice);
        }
        if (choice == Choice.SKIP || left == right) {
            return;
        }
        lastBattleSeq = seq;
        Battles.Outcome outcome = switch (choice) {
            case LEFT -> Battles.Outcome.A_WINS;
            case RIGHT -> Battles.Outcome.B_WINS;
            default -> Battles.Outcome.TIE;
        };
        double leftScore = outcome == Battles.Outcome.A_WINS ? 1 : outcome == Battles.Outcome.B_WINS ? 0 : 0.5;
        itemBattles.add(pair.left(), pair.right(), outcome);
        itemElo.record(pair.left(), pair.right(), leftScore);
        if (modelBattle) {
            String a = catalogue.modelId(leftModel);
            String b = catalogue.modelId(rightModel);
            modelBattles.add(a, b, outcome);
            modelElo.record(a, b, leftScore);
        }
    }

    private static void tallyPair(Tally tally, int left, int right, Choice choice) {
        switch (choice) {
            case LEFT -> {
                tally.win(left);
                tally.loss(right);
            }
            case RIGHT -> {
                tally.win(right);
                tally.loss(left);
            }
            case TIE -> {
                tally.tie(left);
                tally.tie(right);
            }
            case SKIP -> {
                tally.pairSkip(left);
                tally.pairSkip(right);
            }
        }
    }
}
