package dev.swipeloop.host.demo;

import dev.swipeloop.host.rewards.RewardsCursor;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns rewards on for the demo app, so the demo page's progress meter moves within a few
 * swipes: points per vote and three low tiers. Anonymous raters earn, since the demo has no
 * backend to sign rater tokens (a real app should not allow that; see docs/verified-raters.md).
 * Only keys the demo's owner has not set are written, and only when the bundled policies run.
 */
final class DemoRewards {
    static final Map<String, String> SETTINGS = settings();

    private DemoRewards() {
    }

    static void offer(StorageBackend storage, String appId, List<String> policies) {
        if (!policies.containsAll(List.of("points", "tiers"))) {
            return;
        }
        Map<String, String> missing = new LinkedHashMap<>(SETTINGS);
        missing.keySet().removeAll(storage.appSettings(appId).keySet());
        if (!missing.isEmpty()) {
            storage.updateAppSettings(appId, missing, List.of());
        }
        if (missing.containsKey("rewards.policies")) {
            RewardsCursor.moveToLastVote(storage, appId); // pay the swipes from now on, not the demo's history
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("rewards.policies", "points,tiers");
        settings.put("rewards.anonymous", "true");
        settings.put("reward.tiers.thresholds", "5:Rookie,20:Regular,50:Early access");
        return Map.copyOf(settings);
    }
}
