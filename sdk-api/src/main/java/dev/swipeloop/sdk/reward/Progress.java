package dev.swipeloop.sdk.reward;

import java.util.List;

/**
 * A rater's standing under one policy. {@code points} are vested; {@code pendingPoints} are
 * earned but not vested yet. {@code tier}, {@code nextMilestone} and {@code pointsToNext} may
 * be null when the policy has no tiers; {@code badges} lists what the rater earned, oldest first.
 */
public record Progress(String policy, long points, String tier, String nextMilestone, Long pointsToNext,
                       int streakDays, long pendingPoints, List<String> badges) {
    public Progress {
        badges = List.copyOf(badges);
    }

    /** Progress with nothing pending and no badges. */
    public Progress(String policy, long points, String tier, String nextMilestone, Long pointsToNext,
                    int streakDays) {
        this(policy, points, tier, nextMilestone, pointsToNext, streakDays, 0, List.of());
    }
}
