package dev.swipeloop.sdk.reward;

/** One listed rater on a leaderboard: the name they chose and their vested points in the period. */
public record LeaderboardRow(String rater, String displayName, long points) {
}
