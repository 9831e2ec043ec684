package dev.swipeloop.host.ranking;

/**
 * One row of a ranking: an item or a model, its place and score with its interval.
 *
 * @param rank   1 for the best. Bradley–Terry ranks as Chatbot Arena does (one more than the
 *               players whose interval lies wholly above this one's); the other methods give
 *               one more than the players with a strictly higher score
 * @param score  like rate bound or mean (0–1), or rating points (Bradley–Terry, Elo)
 * @param lower  the interval's lower end, null for Elo (which has none)
 * @param counts the votes behind the score: likes/dislikes/skips for binary methods,
 *               wins/losses/ties for pairwise ones
 * @param model  for items, the generator model; null for models
 * @param group  for items, the prompt group; null for models
 */
public record Standing(int rank, String id, double score, Double lower, Double upper, Counts counts, String model,
                       String group) {

    /** The votes behind a score. */
    public sealed interface Counts permits BinaryCounts, PairCounts {
    }

    public record BinaryCounts(long likes, long dislikes, long skips) implements Counts {
    }

    public record PairCounts(long wins, long losses, long ties) implements Counts {
    }
}
