package dev.swipeloop.plugins.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.config.ConfigKey;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an app sends as {@code reward.<policy>.<key>}, checked against each policy's appSpec. */
class PolicySettingsTest {
    private static List<ConfigError> errors(RewardPolicy policy, Map<String, String> settings) {
        return policy.appSpec().validate(settings);
    }

    private static List<String> keys(List<ConfigError> errors) {
        return errors.stream().map(ConfigError::key).toList();
    }

    @Test
    void everyKeyHasADefaultSoAnAppThatSetsNothingGetsTheDocumentedValues() {
        for (RewardPolicy policy : List.of(new PointsPolicy(), new QualityWeightedPolicy(), new TiersPolicy())) {
            for (ConfigKey key : policy.appSpec().keys()) {
                assertNotNull(key.defaultValue(), policy.id() + "." + key.name() + " has a default");
            }
        }
        assertEquals(new PointsSettings(1, 100, 5, 2), PointsSettings.of(new PointsPolicy().appSpec().parse(Map.of())));
        assertEquals(new QualityWeightedSettings(10, 4.0, 1.0, 0.0, 72, 1000),
                QualityWeightedSettings.of(new QualityWeightedPolicy().appSpec().parse(Map.of())));
        Config tiers = new TiersPolicy().appSpec().parse(Map.of());
        assertEquals(new TiersSettings(List.of(new Tier(25, "Supporter"), new Tier(100, "Early access"),
                new Tier(500, "Champion")), List.of("points", "quality-weighted")), TiersSettings.of(tiers));
    }

    @Test
    void pointsRejectsOutOfRangeValuesNamingEachKeyAtOnce() {
        List<ConfigError> errors = errors(new PointsPolicy(), Map.of("perVote", "0", "dailyCap", "-1",
                "streakBonus", "lots", "streakMaxDays", "1", "perVotes", "2"));

        assertEquals(List.of("perVotes", "perVote", "dailyCap", "streakBonus", "streakMaxDays"), keys(errors));
        assertEquals("perVote: must be between 1 and 1000000 (was 0)", errors.get(1).toString());
        assertEquals("streakBonus: must be a whole number (was 'lots')", errors.get(3).toString());
        assertEquals("perVotes: unknown setting; known: perVote, dailyCap, streakBonus, streakMaxDays",
                errors.get(0).toString());
    }

    @Test
    void qualityWeightedRejectsAPriorThatCouldDivideByZeroAndQualitiesOutsideZeroToOne() {
        List<ConfigError> errors = errors(new QualityWeightedPolicy(), Map.of("priorCorrect", "0", "priorWrong", "-1",
                "minQuality", "1.5", "vestingHours", "-2", "dailyCap", "x", "perVote", "0"));

        assertEquals(List.of("perVote", "priorCorrect", "priorWrong", "minQuality", "vestingHours", "dailyCap"),
                keys(errors));
        assertEquals("minQuality: must be between 0.0 and 1.0 (was 1.5)", errors.get(3).toString());
    }

    @Test
    void thresholdsMustBeIncreasingPositiveNamedPairsAndEveryProblemIsListed() {
        List<ConfigError> errors = errors(new TiersPolicy(), Map.of("thresholds",
                "100:Early access, 25:Supporter, 0:Zero, 200:, x:Letters, 300:A:B, 400:Early access"));

        assertEquals(List.of("thresholds"), keys(errors));
        assertEquals("thresholds: must be points:name pairs with strictly increasing points, such as"
                + " 25:Supporter,100:Early access: '25:Supporter' must need more points than the tier before (100);"
                + " '0:Zero' needs points above 0; '200:' has no name after ':';"
                + " 'x:Letters' needs a whole number of points before ':';"
                + " '300:A:B' is not one points:name pair (a name has no ':' or ',');"
                + " the name 'Early access' is used twice"
                + " (was [100:Early access, 25:Supporter, 0:Zero, 200:, x:Letters, 300:A:B, 400:Early access])",
                errors.get(0).toString());
    }

    @Test
    void sourcesMustBePolicyIdsOtherThanTiersListedOnce() {
        List<ConfigError> errors = errors(new TiersPolicy(), Map.of("sources", "points,Points,tiers,points"));

        assertEquals(List.of("sources"), keys(errors));
        assertEquals("sources: must be reward policy ids such as points,quality-weighted: 'Points' is not a policy id"
                + " (lower-case letters, digits and '-'); 'tiers' pays no points of its own; 'points' is listed twice"
                + " (was [points, Points, tiers, points])", errors.get(0).toString());
    }

    @Test
    void parsingBadSettingsThrowsOneExceptionWithEveryError() {
        ConfigException thrown = assertThrows(ConfigException.class,
                () -> new QualityWeightedPolicy().appSpec().parse(Map.of("perVote", "0", "minQuality", "2")));

        assertEquals(List.of("perVote", "minQuality"), keys(thrown.errors()));
    }
}
