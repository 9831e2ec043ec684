package dev.swipeloop.host.export;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import dev.swipeloop.sdk.export.ExportOptions;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The options every export has, whatever its format ({@link ExportOptions#COMMON}): which votes
 * (time, model, items with enough votes, flagged raters, seq range or a named cursor), how rows
 * are split and whether pairs are derived from binary votes, whether external images are fetched.
 * Declared with the same {@link ConfigSpec} as settings, so every bad option is reported at once.
 */
record CommonOptions(Instant since, Instant until, String model, int minVotes, boolean excludeFlagged,
                     SplitPlan splits, String split, boolean derivedPairs, Long afterSeq, String cursor,
                     boolean fetchMedia) {

    static final ConfigSpec SPEC = new ConfigSpec()
            .define("since", ConfigType.STRING, null, false,
                    "Only votes received at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z)", instant())
            .define("until", ConfigType.STRING, null, false,
                    "Only votes received before this instant (ISO-8601)", instant())
            .define("model", ConfigType.STRING, null, false,
                    "Only votes about images of this generator model (a pair: either image)")
            .define("minVotes", ConfigType.INT, 0, false,
                    "Only votes whose items were each judged at least this often (all votes, any kind, skips included)",
                    Validator.range(0, 1_000_000_000))
            .define("excludeFlagged", ConfigType.BOOLEAN, false, false,
                    "Leave out votes of raters that rater-quality checks flagged (kept, and marked, by default)")
            .define("splits", ConfigType.STRING, "train:1", false,
                    "Dataset splits with weights, e.g. train:0.9,test:0.1; every row of one prompt group lands in one split",
                    value -> SplitPlan.problem((String) value))
            .define("split", ConfigType.STRING, null, false,
                    "Write only the rows of this split (one of splits), for formats that hold one split per file")
            .define("derivedPairs", ConfigType.BOOLEAN, false, false,
                    "Also emit pairs made from one rater's like and dislike on the same prompt group (marked derived)")
            .define("afterSeq", ConfigType.LONG, null, false,
                    "Only votes with a seq above this (the last seq a previous export delivered)",
                    Validator.range(0, Long.MAX_VALUE))
            .define("cursor", ConfigType.STRING, null, false,
                    "A named cursor: start after the seq it points at, and move it to the end of this export when it completes",
                    value -> ((String) value).matches("[A-Za-z0-9._-]{1,64}") ? null
                            : "must be 1 to 64 letters, digits, '.', '_' or '-'")
            .define("fetchMedia", ConfigType.BOOLEAN, false, false,
                    "Fetch images at external URLs (only from hosts in export.fetchMedia.allowedHosts) instead of writing their URL");

    static CommonOptions from(Config config) {
        Long afterSeq = config.has("afterSeq") ? config.getLong("afterSeq") : null;
        return new CommonOptions(instant(config, "since"), instant(config, "until"), config.getString("model"),
                config.getInt("minVotes"), config.getBoolean("excludeFlagged"), SplitPlan.parse(config.getString("splits")),
                config.getString("split"), config.getBoolean("derivedPairs"), afterSeq, config.getString("cursor"), config.getBoolean("fetchMedia"));
    }

    private static Instant instant(Config config, String key) {
        String text = config.getString(key);
        return text == null ? null : Instant.parse(text);
    }

    private static Validator instant() {
        return value -> {
            try {
                Instant.parse((String) value);
                return null;
            } catch (DateTimeParseException e) {
                return "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z";
            }
        };
    }
}
