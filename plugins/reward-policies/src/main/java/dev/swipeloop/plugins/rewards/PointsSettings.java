package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;

/** One app's settings of the {@code points} policy ({@code reward.points.<key>}). */
record PointsSettings(int perVote, long dailyCap, int streakBonus, int streakMaxDays) {
    static final ConfigSpec SPEC = new ConfigSpec()
            .define("perVote", ConfigType.INT, 1, false,
                    "Points for each accepted vote that is not a skip", Validator.range(1, 1_000_000))
            .define("dailyCap", ConfigType.LONG, 100L, false,
                    "Most points a rater earns from votes in one UTC day (the vote that reaches it earns what is left);"
                            + " 0 = no cap", Validator.range(0, 1_000_000_000))
            .define("streakBonus", ConfigType.INT, 5, false,
                    "Bonus paid with the first rewarded vote of a UTC day that continues a streak of consecutive"
                            + " rewarded days; 0 = none", Validator.range(0, 1_000_000))
            .define("streakMaxDays", ConfigType.INT, 2, false,
                    "Streak length at which the bonus stops growing: day n of a streak pays"
                            + " streakBonus × (min(n, streakMaxDays) − 1); 2 = the same bonus every day",
                    Validator.range(2, 366));

    static PointsSettings of(Config config) {
        return new PointsSettings(config.getInt("perVote"), config.getLong("dailyCap"), config.getInt("streakBonus"),
                config.getInt("streakMaxDays"));
    }

    /** The bonus on day {@code streakDays} (2 or more) of a streak. */
    long bonusFor(int streakDays) {
        return (long) streakBonus * (Math.min(streakDays, streakMaxDays) - 1);
    }
}
