package dev.swipeloop.host.quality;

/**
 * The rater-quality rules, by the code that flags, exports and rewards read
 * ({@link RaterFlag#code()}). The codes are part of the export format, so they never change.
 */
public enum FlagRule {
    /** Too many of the rater's recent votes came faster than an image can be looked at. */
    TOO_FAST("too-fast"),
    /** The rater gets too many gold (honeypot) items wrong. */
    GOLD_ACCURACY("gold-accuracy"),
    /** The rater gives the same answer to nearly everything (all likes, all skips, all ties…). */
    ONE_ANSWER("one-answer"),
    /** In pairs, the rater picks the same side nearly every time. */
    SAME_SIDE("same-side"),
    /** The rater voted more than the daily cap on the current UTC day. */
    DAILY_CAP("daily-cap");

    private final String code;

    FlagRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
