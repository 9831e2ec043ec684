package dev.swipeloop.host.scoring;

/**
 * A snapshot of {@link Battles}' pairs in flat, exactly sized arrays: what the solvers read in
 * their inner loops. Taken once per fit, so a fit is not disturbed by battles added meanwhile
 * on the same thread, and the bootstrap threads share it read-only.
 */
final class PairTable {
    final int players;
    final int pairs;
    final long battles;
    /** Per pair: the lower and the higher player index. */
    final int[] first;
    final int[] second;
    final int[] firstWins;
    final int[] secondWins;
    final int[] ties;

    private PairTable(Battles source) {
        players = source.players();
        pairs = source.pairs();
        battles = source.battles();
        first = new int[pairs];
        second = new int[pairs];
        firstWins = new int[pairs];
        secondWins = new int[pairs];
        ties = new int[pairs];
        for (int p = 0; p < pairs; p++) {
            first[p] = source.first(p);
            second[p] = source.second(p);
            firstWins[p] = source.firstWins(p);
            secondWins[p] = source.secondWins(p);
            ties[p] = source.ties(p);
        }
    }

    static PairTable of(Battles source) {
        return new PairTable(source);
    }

    /** The full data's weights; a tie is half a win each way. */
    PairWeights weights() {
        PairWeights weights = new PairWeights(pairs);
        for (int p = 0; p < pairs; p++) {
            weights.totals[p] = firstWins[p] + secondWins[p] + ties[p];
            weights.halfPoints[p] = 2 * firstWins[p] + ties[p];
        }
        return weights;
    }
}
