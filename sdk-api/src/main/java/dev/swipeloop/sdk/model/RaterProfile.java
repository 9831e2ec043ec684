package dev.swipeloop.sdk.model;

import java.time.Instant;

/**
 * What a rater chose to show of themselves. Nobody is listed by default: a rater appears on
 * the leaderboard and the acknowledgements only with {@code listed} true, under
 * {@code displayName} (never the rater id, which may be the app's user id).
 */
public record RaterProfile(String appId, String rater, String displayName, boolean listed, Instant updatedAt) {
}
