package dev.swipeloop.host.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardSettingsTest {
    private static final RewardPolicySpecs POLICIES = policies();

    private static RewardPolicySpecs policies() {
        Map<String, ConfigSpec> specs = new LinkedHashMap<>();
        specs.put("points", new ConfigSpec().define("perVote", ConfigType.INT, 1, false, "points per vote",
                Validator.range(0, 1000)));
        specs.put("tiers", new ConfigSpec());
        return new RewardPolicySpecs(specs);
    }

    @Test
    void rewardsAreOffUntilAnAppListsPolicies() {
        AppSettings defaults = AppSettings.of(Map.of(), POLICIES);
        assertFalse(defaults.rewards().enabled());
        assertFalse(defaults.rewards().anonymous(), "anonymous ids can be typed by anyone: they earn only if allowed");
        assertEquals(0, defaults.rewards().appDailyCap());
        assertTrue(defaults.webhooks().isEmpty());
        assertEquals(1, defaults.rewardConfig("points").getInt("perVote"), "a policy's settings start at its defaults");
    }

    @Test
    void aPolicysOwnSettingsArePrefixedWithItsIdAndHandedOverWithoutThePrefix() {
        AppSettings settings = AppSettings.of(Map.of("rewards.policies", "points, tiers", "reward.points.perVote", "7",
                "rewards.anonymous", "true", "rewards.appDailyCap", "5000"), POLICIES);
        assertEquals(List.of("points", "tiers"), settings.rewards().policies());
        assertEquals(7, settings.rewardConfig("points").getInt("perVote"));
        assertTrue(settings.rewards().anonymous());
        assertEquals(5000, settings.rewards().appDailyCap());
    }

    @Test
    void everyBadRewardKeyIsNamedAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> AppSettings.of(Map.of(
                "rewards.policies", "points,karma,points",
                "reward.points.perVote", "lots",
                "reward.points.bonus", "3",
                "reward.karma.level", "1",
                "webhooks.url", "ftp://example.com/hooks"), POLICIES));
        List<String> keys = e.errors().stream().map(ConfigError::key).toList();
        assertTrue(keys.containsAll(List.of("rewards.policies", "reward.points.perVote", "reward.points.bonus",
                "reward.karma.level", "webhooks.url")), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(error -> error.message().contains("no reward policy 'karma'")
                && error.message().contains("known: points, tiers")), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(error -> error.message().contains("twice")), e.errors().toString());
    }

    @Test
    void webhooksNeedBothAUrlAndTheSecretTheHostMade() {
        assertTrue(AppSettings.of(Map.of("webhooks.url", "https://example.com/hooks"), POLICIES).webhooks().isEmpty());
        AppSettings both = AppSettings.of(Map.of("webhooks.url", "http://127.0.0.1:9000/hooks",
                "webhooks.secret", "whsec_c2VjcmV0"), POLICIES);
        assertEquals(new AppSettings.WebhookTarget("http://127.0.0.1:9000/hooks", "whsec_c2VjcmV0"),
                both.webhooks().orElseThrow());
    }
}
