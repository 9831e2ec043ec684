package dev.swipeloop.sdk.model;

/** Counts for one app. {@code lastSeq} is the highest vote seq, 0 when there are no votes. */
public record AppStats(long items, long votes, long binaryVotes, long pairVotes, long raters, long lastSeq) {
}
