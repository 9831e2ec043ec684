package dev.swipeloop.host.webhooks;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How webhooks are sent and retried. The defaults follow the Standard Webhooks example schedule
 * and Svix's (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), made exponential and a
 * little shorter: messages of one app go out in ledger order, so a message being retried holds
 * up that app's later ones, and a full day of retries is as long as a tier announcement stays
 * interesting. With the defaults the eight attempts start at about 0, 5 s, 35 s, 3.5 min,
 * 22 min, 2.2 h, 12 h and 22 h (jitter adds up to a fifth to each wait).
 *
 * @param firstRetryDelay wait after the first failed attempt. Default 5 s (Svix, Standard
 *                        Webhooks): long enough for a receiver's blip or deploy to pass.
 * @param backoffFactor   each further wait is this many times the previous. Default 6.
 * @param maxAttempts     attempts per message, the first included; after the last failure the
 *                        message is given up and the app's next one is sent. Default 8 (Svix).
 * @param maxRetryDelay   no wait is longer than this. Default 10 h (Svix's longest).
 * @param timeout         an attempt that gets no answer within this fails (connecting
 *                        included). Default 15 s: the specification recommends 15 to 30 s, and
 *                        a shorter one means a hung receiver costs less.
 * @param jitter          each wait is lengthened by a random share of up to this (0.2 = up to
 *                        20 %), so receivers that failed together are not retried together.
 *                        Default 0.2; 0 gives exact waits.
 * @param pollInterval    how often the ledger of every app is looked at for new entries when
 *                        nothing said there were some ({@link WebhookDispatcher#poke} does that).
 *                        Default 10 s.
 */
public record WebhookSettings(Duration firstRetryDelay, double backoffFactor, int maxAttempts,
                              Duration maxRetryDelay, Duration timeout, double jitter, Duration pollInterval) {

    /** The defaults documented on each component. */
    public static final WebhookSettings DEFAULTS = new WebhookSettings(Duration.ofSeconds(5), 6.0, 8,
            Duration.ofHours(10), Duration.ofSeconds(15), 0.2, Duration.ofSeconds(10));

    /** Checks every component and reports every problem at once. */
    public WebhookSettings {
        List<String> problems = new ArrayList<>();
        if (!positive(firstRetryDelay)) {
            problems.add("firstRetryDelay must be more than 0, was " + firstRetryDelay);
        }
        if (!(backoffFactor >= 1 && backoffFactor <= 100)) {
            problems.add("backoffFactor must be 1 to 100, was " + backoffFactor);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            problems.add("maxAttempts must be 1 to 100, was " + maxAttempts);
        }
        if (!positive(maxRetryDelay)) {
            problems.add("maxRetryDelay must be more than 0, was " + maxRetryDelay);
        }
        if (!positive(timeout)) {
            problems.add("timeout must be more than 0, was " + timeout);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            problems.add("jitter must be 0 to 1, was " + jitter);
        }
        if (!positive(pollInterval)) {
            problems.add("pollInterval must be more than 0, was " + pollInterval);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid webhook settings: " + String.join("; ", problems));
        }
    }

    /** Adds the {@code webhooks.*} host settings, with these defaults and their docs, to {@code spec}. */
    public static ConfigSpec defineIn(ConfigSpec spec) {
        return spec
                .define("webhooks.firstRetryDelayMillis", ConfigType.INT, (int) DEFAULTS.firstRetryDelay.toMillis(), false,
                        "Wait after a webhook's first failed attempt; each later wait is webhooks.backoffFactor times longer",
                        Validator.range(1, 86_400_000))
                .define("webhooks.backoffFactor", ConfigType.DOUBLE, DEFAULTS.backoffFactor, false,
                        "How many times longer each wait between webhook attempts is than the one before",
                        Validator.between(1, 100))
                .define("webhooks.maxAttempts", ConfigType.INT, DEFAULTS.maxAttempts, false,
                        "Attempts per webhook message, the first included; then it is given up and the app's next one sent",
                        Validator.range(1, 100))
                .define("webhooks.maxRetryDelayMillis", ConfigType.INT, (int) DEFAULTS.maxRetryDelay.toMillis(), false,
                        "Longest wait between two attempts of a webhook message", Validator.range(1, 604_800_000))
                .define("webhooks.timeoutMillis", ConfigType.INT, (int) DEFAULTS.timeout.toMillis(), false,
                        "A webhook attempt without an answer within this fails (connecting included)",
                        Validator.range(100, 300_000))
                .define("webhooks.jitter", ConfigType.DOUBLE, DEFAULTS.jitter, false,
                        "Each wait between webhook attempts is lengthened by a random share of up to this; 0: exact waits",
                        Validator.between(0, 1))
                .define("webhooks.pollMillis", ConfigType.INT, (int) DEFAULTS.pollInterval.toMillis(), false,
                        "How often every app's reward ledger is checked for entries to announce when no new entry was signalled",
                        Validator.range(50, 3_600_000));
    }

    /** The settings from a config parsed with a spec that went through {@link #defineIn}. */
    public static WebhookSettings from(Config config) {
        return new WebhookSettings(
                Duration.ofMillis(config.getInt("webhooks.firstRetryDelayMillis")),
                config.getDouble("webhooks.backoffFactor"),
                config.getInt("webhooks.maxAttempts"),
                Duration.ofMillis(config.getInt("webhooks.maxRetryDelayMillis")),
                Duration.ofMillis(config.getInt("webhooks.timeoutMillis")),
                config.getDouble("webhooks.jitter"),
                Duration.ofMillis(config.getInt("webhooks.pollMillis")));
    }

    /**
     * The wait after the {@code failedAttempts}-th failed attempt of a message (1 after the
     * first): {@code firstRetryDelay × backoffFactor^(failedAttempts - 1)}, lengthened by
     * {@code jitter × random}, at most {@link #maxRetryDelay}.
     *
     * @param random a number in [0, 1), the jitter's draw
     */
    public Duration retryDelay(int failedAttempts, double random) {
        double millis = firstRetryDelay.toMillis() * Math.pow(backoffFactor, failedAttempts - 1) * (1 + jitter * random);
        long capped = Math.round(Math.min(millis, (double) maxRetryDelay.toMillis()));
        return Duration.ofMillis(capped);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
