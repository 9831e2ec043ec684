package dev.swipeloop.host.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.quality.QualitySettings;
import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSettingsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        AppSettings defaults = AppSettings.DEFAULTS;
        assertEquals(new AppSettings.RankingSettings(1.96, 10, 100, 0.01, 4), defaults.ranking());
        assertEquals(new AppSettings.DeckSettings(true, 200, 0.2, 0.05), defaults.deck());
        assertEquals(QualitySettings.DEFAULTS, defaults.quality(), "the host's defaults are the rules' own");
    }

    @Test
    void overridesAreParsedByType() {
        AppSettings settings = AppSettings.of(Map.of("ranking.z", "2.576", "deck.order", "least-judged",
                "quality.fast.k", "3", "quality.fast.n", "20"));
        assertEquals(2.576, settings.ranking().z());
        assertFalse(settings.deck().learning());
        assertEquals(3, settings.quality().fastVotesToFlag());
        assertEquals(20, settings.quality().fastWindowVotes());
    }

    @Test
    void everyBadKeyIsReportedAtOnceIncludingRulesThatJoinTwoKeys() {
        ConfigException e = assertThrows(ConfigException.class, () -> AppSettings.of(Map.of("ranking.z", "wide",
                "quality.pattern.share", "0.4", "deck.order", "random", "nope", "1")));
        assertEquals(4, e.errors().size(), e.errors().toString());
        assertTrue(e.errors().stream().map(ConfigError::key).toList().containsAll(
                java.util.List.of("ranking.z", "quality.pattern.share", "deck.order", "nope")));
        assertTrue(e.getMessage().contains("must be a number"), e.getMessage());

        ConfigException joined = assertThrows(ConfigException.class,
                () -> AppSettings.of(Map.of("quality.fast.k", "12")));
        assertEquals("quality.fast.k", joined.errors().get(0).key());
        assertTrue(joined.errors().get(0).message().contains("quality.fast.n (10)"), joined.getMessage());
    }

    @Test
    void aDecimalSettingRefusesInfinityAndNaN() {
        for (String bad : new String[] {"Infinity", "NaN", "1e400"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> AppSettings.of(Map.of("ranking.z", bad)));
            assertEquals("ranking.z", e.errors().get(0).key(), bad);
        }
    }
}
