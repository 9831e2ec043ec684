package dev.swipeloop.host.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.swipeloop.sdk.reward.Progress;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaterProgressTest {
    @Test
    void withTiersTheHeadlinePointsAreWhatTheTiersCountSoPointsPlusPointsToNextIsTheThreshold() {
        RaterProgress progress = RaterProgress.of("ada", List.of(
                new Progress("points", 30, null, null, null, 3, 0, List.of()),
                new Progress("quality-weighted", 12, null, null, null, 0, 40, List.of()),
                new Progress("tiers", 42, "Supporter", "Early access", 58L, 0, 40, List.of("Supporter"))));
        assertEquals(42, progress.points());
        assertEquals(40, progress.pendingPoints());
        assertEquals("Supporter", progress.tier());
        assertEquals("Early access", progress.nextMilestone());
        assertEquals(58L, progress.pointsToNext());
        assertEquals(3, progress.streakDays());
        assertEquals(List.of("Supporter"), progress.badges());
        assertEquals(3, progress.policies().size());
    }

    @Test
    void withoutTiersThePointsOfEveryPolicyAddUp() {
        RaterProgress progress = RaterProgress.of("ada", List.of(
                new Progress("points", 30, null, null, null, 3, 0, List.of()),
                new Progress("quality-weighted", 12, null, null, null, 0, 40, List.of())));
        assertEquals(42, progress.points());
        assertEquals(40, progress.pendingPoints());
        assertNull(progress.tier());
        assertNull(progress.pointsToNext());
    }
}
