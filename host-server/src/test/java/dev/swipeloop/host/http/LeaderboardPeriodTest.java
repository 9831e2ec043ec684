package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaderboardPeriodTest {
    @Test
    void aDayStartsAtUtcMidnightAWeekOnMondayAndAllTimeAtTheEpoch() {
        Instant sundayNight = Instant.parse("2026-11-29T23:59:59Z"); // a Sunday
        assertEquals(Instant.parse("2026-11-29T00:00:00Z"), RewardsController.periodStart("day", sundayNight));
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), RewardsController.periodStart("week", sundayNight),
                "the week began the Monday before, not on Sunday");
        Instant mondayMorning = Instant.parse("2026-11-30T00:00:01Z");
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), RewardsController.periodStart("week", mondayMorning),
                "a new week on Monday at 00:00 UTC");
        assertEquals(Instant.EPOCH, RewardsController.periodStart("all", mondayMorning));
    }
}
