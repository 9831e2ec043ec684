package dev.swipeloop.host.rewards;

import dev.swipeloop.sdk.reward.Progress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rater's progress over all of the app's policies, as {@code GET /v1/raters/{rater}/progress}
 * shows it: the tier and next milestone of the first policy that has tiers, the longest
 * streak, every badge, and each policy's own progress. The headline points are those the tiers
 * count (so points + pointsToNext is the next threshold); without tiers, what every policy
 * paid, added up. Points are vested; pendingPoints are earned and not vested yet.
 */
public record RaterProgress(String rater, long points, long pendingPoints, String tier, String nextMilestone,
                            Long pointsToNext, int streakDays, List<String> badges, List<Progress> policies) {

    static RaterProgress of(String rater, List<Progress> each) {
        long points = 0;
        long pending = 0;
        Progress tiered = null;
        int streak = 0;
        Set<String> badges = new LinkedHashSet<>();
        for (Progress progress : each) {
            if (tiered == null && (progress.tier() != null || progress.nextMilestone() != null)) {
                tiered = progress;
            }
            points += progress.points();
            pending += progress.pendingPoints();
            streak = Math.max(streak, progress.streakDays());
            badges.addAll(progress.badges());
        }
        if (tiered != null) {
            points = tiered.points();
            pending = tiered.pendingPoints();
        }
        return new RaterProgress(rater, points, pending, tiered == null ? null : tiered.tier(),
                tiered == null ? null : tiered.nextMilestone(), tiered == null ? null : tiered.pointsToNext(), streak,
                new ArrayList<>(badges), List.copyOf(each));
    }
}
