package dev.swipeloop.sdk.model;

import java.time.Instant;

/** A pseudonymous, app-scoped contributor, as far as their votes tell. */
public record Rater(String appId, String id, long votes, Instant firstVoteAt, Instant lastVoteAt) {
}
