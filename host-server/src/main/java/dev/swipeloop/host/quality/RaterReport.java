package dev.swipeloop.host.quality;

import java.util.List;

/**
 * What a dashboard shows about one rater at a given {@code now}: the counts the rules work
 * from and the flags standing. {@code votes} counts every vote observed; binary votes are
 * counted by verdict and pair votes by choice. {@code goldAnswered} counts the gold answers
 * that count (skips do not) and {@code goldCorrect} the right ones. {@code fastVotesInWindow}
 * are the fast votes among the latest {@code dwellVotesInWindow} votes with a dwell time (the
 * speed rule's window). {@code votesToday} counts the votes on the UTC day of {@code now};
 * {@code cappedDays} lists every UTC day the rater went over the daily cap, oldest first.
 * A rater never seen has all counts zero and no flags.
 */
public record RaterReport(String rater, int votes,
                          int binaryLikes, int binaryDislikes, int binarySkips,
                          int pairLeft, int pairRight, int pairTies, int pairSkips,
                          int goldAnswered, int goldCorrect,
                          int fastVotesInWindow, int dwellVotesInWindow,
                          int votesToday, List<CappedDay> cappedDays, List<RaterFlag> flags) {
    public RaterReport {
        cappedDays = List.copyOf(cappedDays);
        flags = List.copyOf(flags);
    }
}
