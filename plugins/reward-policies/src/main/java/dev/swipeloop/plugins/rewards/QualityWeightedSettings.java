package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import dev.swipeloop.sdk.reward.RaterSignals;
import java.time.Duration;

/**
 * One app's settings of the {@code quality-weighted} policy ({@code reward.quality-weighted.<key>}).
 *
 * <p>The prior defaults (4 correct, 1 wrong) give a rater with no gold answers a quality of
 * 0.8: just above the host's gold rule, which flags a rater under 0.75 accuracy, so an unknown
 * rater is paid as a probably honest one but less than one who has shown it (8 of 8 right:
 * 12/13 ≈ 0.92). Worth five answers, the prior lets the first gold answers move the quality
 * without one slip halving the pay.
 */
record QualityWeightedSettings(int perVote, double priorCorrect, double priorWrong, double minQuality,
                               int vestingHours, long dailyCap) {
    static final ConfigSpec SPEC = new ConfigSpec()
            .define("perVote", ConfigType.INT, 10, false,
                    "Points for an accepted vote of a rater of quality 1; a vote pays round(perVote × quality)",
                    Validator.range(1, 1_000_000))
            .define("priorCorrect", ConfigType.DOUBLE, 4.0, false,
                    "Beta prior a: gold answers counted as right before any are given (quality ="
                            + " (goldCorrect + a) / (goldAnswered + a + b))", Validator.between(0.01, 10_000))
            .define("priorWrong", ConfigType.DOUBLE, 1.0, false,
                    "Beta prior b: gold answers counted as wrong before any are given", Validator.between(0, 10_000))
            .define("minQuality", ConfigType.DOUBLE, 0.0, false,
                    "A rater whose quality is under this earns nothing; 0 = always pay", Validator.between(0, 1))
            .define("vestingHours", ConfigType.INT, 72, false,
                    "Hours before a vote's points vest; a rater flagged meanwhile loses them (clawback); 0 = at once",
                    Validator.range(0, 8_784))
            .define("dailyCap", ConfigType.LONG, 1_000L, false,
                    "Most points a rater earns from votes in one UTC day (the vote that reaches it earns what is left);"
                            + " 0 = no cap", Validator.range(0, 1_000_000_000));

    static QualityWeightedSettings of(Config config) {
        return new QualityWeightedSettings(config.getInt("perVote"), config.getDouble("priorCorrect"),
                config.getDouble("priorWrong"), config.getDouble("minQuality"), config.getInt("vestingHours"),
                config.getLong("dailyCap"));
    }

    /** The smoothed gold accuracy: the mean of the Beta posterior over the rater's gold answers. */
    double quality(RaterSignals rater) {
        return (rater.goldCorrect() + priorCorrect) / (rater.goldAnswered() + priorCorrect + priorWrong);
    }

    /** What one accepted vote earns before the daily cap: round(perVote × quality), halves up. */
    long pointsFor(RaterSignals rater) {
        double quality = quality(rater);
        return quality < minQuality ? 0 : Math.round(perVote * quality);
    }

    Duration vesting() {
        return Duration.ofHours(vestingHours);
    }
}
