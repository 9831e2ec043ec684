package dev.swipeloop.host.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The alarm at its defaults: windows of 1,000 votes, baseline of the 10 before, max(2 ×, + 10 points). */
class FlagRateAlarmTest {
    private final FlagRateAlarm alarm = FlagRateAlarm.of(QualitySettings.DEFAULTS);
    private final Random random = new Random(20260504);

    /** Observes votes whose rater stood flagged by {@code rule} with the given probability. */
    private void observe(int votes, FlagRule rule, double flaggedShare) {
        for (int i = 0; i < votes; i++) {
            alarm.observe(random.nextDouble() < flaggedShare ? EnumSet.of(rule) : Set.of());
        }
    }

    private List<String> alarmingRules() {
        return alarm.alarms().stream().map(FlagRateAlarm.Alarm::rule).toList();
    }

    @Test
    void aSteadyThreePercentNeverAlarms() {
        for (int window = 0; window < 30; window++) {
            observe(1000, FlagRule.GOLD_ACCURACY, 0.03);
            assertEquals(List.of(), alarmingRules(), "after window " + window);
        }
    }

    @Test
    void aJumpToFortyPercentAlarmsNamingTheRule() {
        observe(10_000, FlagRule.TOO_FAST, 0.03);
        observe(1000, FlagRule.TOO_FAST, 0.40);

        List<FlagRateAlarm.Alarm> alarms = alarm.alarms();
        assertEquals(1, alarms.size(), alarms.toString());
        FlagRateAlarm.Alarm raised = alarms.get(0);
        assertEquals("too-fast", raised.rule());
        assertEquals(0.40, raised.recentRate(), 0.05);
        assertEquals(0.03, raised.baselineRate(), 0.01);
        assertEquals(1000, raised.windowVotes());
        assertTrue(raised.message().startsWith("too-fast: ") && raised.message().contains("of the latest 1000 votes"),
                raised.message());
    }

    @Test
    void theAlarmEndsOnceTheHigherRateBecomesTheBaseline() {
        observe(10_000, FlagRule.SAME_SIDE, 0.03);
        observe(11_000, FlagRule.SAME_SIDE, 0.40);
        assertEquals(List.of(), alarmingRules());
    }

    @Test
    void aRuleQuietlyAtZeroNeverAlarms() {
        observe(20_000, FlagRule.ONE_ANSWER, 0.0);
        assertEquals(List.of(), alarmingRules());
    }

    @Test
    void aRiseToTwiceTheBaselineButUnderTenPointsDoesNotAlarm() {
        observe(10_000, FlagRule.DAILY_CAP, 0.03);
        observe(1000, FlagRule.DAILY_CAP, 0.11);
        assertEquals(List.of(), alarmingRules(), "11 % is under 3 % + 10 points");
    }

    @Test
    void exactlyTheLimitAlarms() {
        FlagRateAlarm exact = new FlagRateAlarm(10, 1, 2.0, 0.10);
        for (int i = 0; i < 10; i++) {
            exact.observe(i < 2 ? EnumSet.of(FlagRule.GOLD_ACCURACY) : Set.of());
        }
        for (int i = 0; i < 10; i++) {
            exact.observe(i < 3 ? EnumSet.of(FlagRule.GOLD_ACCURACY) : Set.of());
        }
        assertEquals(List.of(), exact.alarms(), "30 % is under max(2 × 20 %, 20 % + 10 points) = 40 %");
        for (int i = 0; i < 10; i++) {
            exact.observe(i < 6 ? EnumSet.of(FlagRule.GOLD_ACCURACY) : Set.of());
        }
        assertEquals(1, exact.alarms().size(), "60 % is at least max(2 × 30 %, 30 % + 10 points) = 60 %");
    }

    @Test
    void nothingAlarmsBeforeOneFullBaselineWindow() {
        observe(1000, FlagRule.TOO_FAST, 0.0);
        assertEquals(List.of(), alarmingRules(), "one window: the latest, no baseline");
        observe(999, FlagRule.TOO_FAST, 1.0);
        assertEquals(List.of(), alarmingRules(), "the window being filled is not judged");
        observe(1, FlagRule.TOO_FAST, 1.0);
        assertEquals(List.of("too-fast"), alarmingRules());
    }

    @Test
    void eachRuleIsJudgedOnItsOwn() {
        for (int i = 0; i < 10_000; i++) {
            alarm.observe(random.nextDouble() < 0.05 ? EnumSet.of(FlagRule.GOLD_ACCURACY) : Set.of());
        }
        for (int i = 0; i < 1000; i++) {
            Set<FlagRule> standing = EnumSet.noneOf(FlagRule.class);
            if (random.nextDouble() < 0.05) {
                standing.add(FlagRule.GOLD_ACCURACY);
            }
            if (random.nextDouble() < 0.5) {
                standing.add(FlagRule.ONE_ANSWER);
            }
            alarm.observe(standing);
        }
        assertEquals(List.of("one-answer"), alarmingRules());
    }

    @Test
    void resetStartsOver() {
        observe(10_000, FlagRule.TOO_FAST, 0.0);
        observe(1000, FlagRule.TOO_FAST, 0.5);
        alarm.reset();
        assertEquals(List.of(), alarmingRules());
        observe(1000, FlagRule.TOO_FAST, 0.5);
        assertEquals(List.of(), alarmingRules(), "one window after the reset has no baseline");
    }
}
