package dev.swipeloop.host.quality;

import java.time.Instant;

/**
 * One rater at a glance, for the dashboard's list of raters: {@code votes} counts every vote
 * observed, {@code lastVoteAt} is the {@code receivedAt} of the latest one (in seq order),
 * {@code flagsStanding} how many rules stand against the rater at the time asked (their
 * reasons are in {@link RaterQuality#flags}), and the gold answers as in {@link RaterReport}.
 */
public record RaterSummary(String rater, int votes, Instant lastVoteAt, int flagsStanding,
                           int goldAnswered, int goldCorrect) {
    public boolean flagged() {
        return flagsStanding > 0;
    }

    /** The share of gold answers that were right; null before the first gold answer. */
    public Double goldAccuracy() {
        return goldAnswered == 0 ? null : (double) goldCorrect / goldAnswered;
    }
}
