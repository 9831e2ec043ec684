package dev.swipeloop.host.metrics;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;

/**
 * Whether {@code GET /metrics} is served and who may read it.
 *
 * @param enabled off, nothing is measured (no cost on any request) and {@code /metrics} answers 404
 * @param token   when set, a scrape must send {@code Authorization: Bearer <token>}; null leaves
 *                {@code /metrics} open like {@code /health}
 */
public record MetricsSettings(boolean enabled, String token) {

    /** Adds the {@code metrics.*} host settings to {@code spec}. */
    public static ConfigSpec defineIn(ConfigSpec spec) {
        return spec
                .define("metrics.enabled", ConfigType.BOOLEAN, true, false,
                        "Measure requests, commits, plugins and the JVM and serve them at GET /metrics (Prometheus);"
                                + " off, nothing is measured and /metrics answers 404")
                .define("metrics.token", ConfigType.PASSWORD, null, false,
                        "When set, GET /metrics needs 'Authorization: Bearer <token>'; default none: /metrics is open"
                                + " like /health", value -> ((String) value).isBlank() ? "must not be blank" : null);
    }

    public static MetricsSettings from(Config c) {
        return new MetricsSettings(c.getBoolean("metrics.enabled"), c.getString("metrics.token"));
    }
}
