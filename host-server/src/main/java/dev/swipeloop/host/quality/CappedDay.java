package dev.swipeloop.host.quality;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A UTC day on which a rater went over the daily cap.
 *
 * @param day      the UTC day, by the votes' {@code receivedAt}
 * @param votes    the rater's votes that day, so far
 * @param sinceSeq the seq of the first vote over the cap
 * @param since    that vote's {@code receivedAt}
 */
public record CappedDay(LocalDate day, int votes, long sinceSeq, Instant since) {
}
