package dev.swipeloop.sdk.reward;

/**
 * A rater's standing under one policy. {@code tier}, {@code nextMilestone} and
 * {@code pointsToNext} may be null when the policy has no tiers.
 */
public record Progress(String policy, long points, String tier, String nextMilestone, Long pointsToNext,
                       int streakDays) {
}
