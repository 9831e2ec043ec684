package dev.swipeloop.host.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The retry schedule the defaults give, jitter's bounds, and settings that are refused. */
class WebhookSettingsTest {

    @Test
    void theDefaultScheduleWaitsFiveSecondsThenSixTimesLongerUpToTenHours() {
        List<Duration> waits = IntStream.rangeClosed(1, 7)
                .mapToObj(failed -> WebhookSettings.DEFAULTS.retryDelay(failed, 0)).toList();

        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(3), Duration.ofMinutes(18),
                Duration.ofMinutes(108), Duration.ofHours(10), Duration.ofHours(10)), waits);
        assertEquals(8, WebhookSettings.DEFAULTS.maxAttempts());
        assertEquals(Duration.ofSeconds(15), WebhookSettings.DEFAULTS.timeout());
    }

    @Test
    void jitterOnlyLengthensAWaitByUpToItsShareAndNeverPastTheLongest() {
        WebhookSettings settings = WebhookSettings.DEFAULTS;

        assertEquals(Duration.ofSeconds(5), settings.retryDelay(1, 0));
        assertEquals(Duration.ofMillis(5999), settings.retryDelay(1, 0.999));
        assertEquals(Duration.ofHours(10), settings.retryDelay(6, 0.999));
    }

    @Test
    void reportsEveryBadComponentAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebhookSettings(
                Duration.ZERO, 0.5, 0, Duration.ofSeconds(-1), null, 1.5, Duration.ofSeconds(10)));

        for (String part : List.of("firstRetryDelay must be more than 0", "backoffFactor must be 1 to 100",
                "maxAttempts must be 1 to 100", "maxRetryDelay must be more than 0", "timeout must be more than 0",
                "jitter must be 0 to 1")) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void hostSettingsDefaultToTheDefaultsAndNameTheBadKey() {
        ConfigSpec spec = WebhookSettings.defineIn(new ConfigSpec());

        assertEquals(WebhookSettings.DEFAULTS, WebhookSettings.from(spec.parse(Map.of())));
        assertEquals(3, WebhookSettings.from(spec.parse(Map.of("webhooks.maxAttempts", "3"))).maxAttempts());
        List<ConfigError> errors = spec.validate(Map.of("webhooks.maxAttempts", "0", "webhooks.jitter", "2"));
        assertEquals(List.of("webhooks.jitter", "webhooks.maxAttempts"),
                errors.stream().map(ConfigError::key).sorted().toList());
    }
}
