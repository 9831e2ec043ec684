package dev.swipeloop.host.ranking;

import dev.swipeloop.host.ranking.Knowledge.Known;
import dev.swipeloop.host.scoring.BayesianAverage;
import dev.swipeloop.host.scoring.Interval;
import dev.swipeloop.host.scoring.Wilson;
import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.sdk.model.VoteKind;

/**
 * Everything the votes say about one item, as of {@code asOfSeq}: its binary answers with the
 * like rate, Wilson interval and Bayesian average, its pairs with the share won and live Elo,
 * and whether learning decks still deal it.
 */
public record ItemStats(String id, long asOfSeq, long likes, long dislikes, long skips, double z, Interval wilson,
                        double priorAlpha, double priorBeta, double bayesMean, Interval bayes, long wins, long losses,
                        long ties, long pairSkips, double elo, boolean retiredFromBinary, boolean retiredFromPairs) {

    /** The stats of item {@code item} of the board (or of an item nobody judged yet, when it is -1). */
    static ItemStats of(AppBoard board, String id, int item) {
        AppSettings settings = board.settings();
        double z = settings.ranking().z();
        double[] prior = BayesianAverage.prior(board.likeRate(), settings.ranking().priorStrength());
        Tally tally = board.itemTally;
        long likes = item < 0 ? 0 : tally.likes(item);
        long decided = item < 0 ? 0 : tally.decided(item);
        Known binary = item < 0 ? Known.NOTHING : Knowledge.known(tally, item, VoteKind.BINARY, z);
        Known pairs = item < 0 ? Known.NOTHING : Knowledge.known(tally, item, VoteKind.PAIR, z);
        return new ItemStats(id, board.lastSeq(), likes, decided - likes, item < 0 ? 0 : tally.skips(item), z,
                Wilson.interval(likes, decided, z), prior[0], prior[1],
                BayesianAverage.mean(likes, decided, prior[0], prior[1]),
                BayesianAverage.credible(likes, decided, prior[0], prior[1], 0.95),
                item < 0 ? 0 : tally.wins(item), item < 0 ? 0 : tally.losses(item), item < 0 ? 0 : tally.ties(item),
                item < 0 ? 0 : tally.pairSkips(item), board.itemElo.rating(id),
                binary.settled(settings.deck()), pairs.settled(settings.deck()));
    }
}
