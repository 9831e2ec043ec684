package dev.swipeloop.host.settings;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigKey;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-app settings of the reward policies this host runs: policy {@code points}'s key
 * {@code dailyCap} is the app setting {@code reward.points.dailyCap}. Declared by each policy
 * ({@link RewardPolicy#appSpec()}), so a third-party policy's settings are validated and listed
 * by {@code /v1/settings} like the host's own.
 */
public final class RewardPolicySpecs {
    public static final String PREFIX = "reward.";
    public static final RewardPolicySpecs NONE = new RewardPolicySpecs(Map.of());

    private final Map<String, ConfigSpec> byPolicy;

    public RewardPolicySpecs(Map<String, ConfigSpec> byPolicy) {
        this.byPolicy = Collections.unmodifiableMap(new LinkedHashMap<>(byPolicy));
    }

    /** The started policies' specs, by id in alphabetical order (plugins load in no fixed order). */
    public static RewardPolicySpecs of(List<RewardPolicy> policies) {
        Map<String, ConfigSpec> specs = new java.util.TreeMap<>();
        for (RewardPolicy policy : policies) {
            specs.put(policy.id(), policy.appSpec());
        }
        return new RewardPolicySpecs(specs);
    }

    /** The ids of the policies an app may list in {@code rewards.policies}. */
    public List<String> policies() {
        return List.copyOf(byPolicy.keySet());
    }

    public boolean knows(String policy) {
        return byPolicy.containsKey(policy);
    }

    /** Every policy setting as an app sees it, prefixed, in policy then declaration order. */
    public Map<String, ConfigKey> keys() {
        Map<String, ConfigKey> keys = new LinkedHashMap<>();
        byPolicy.forEach((policy, spec) -> spec.keys().forEach(key -> keys.put(PREFIX + policy + "." + key.name(), key)));
        return keys;
    }

    /**
     * Stored settings as this host can run them: policies it does not run (a plugin that failed
     * to start, or was removed) are left out of {@code rewards.policies} and their
     * {@code reward.<policy>.*} keys dropped, so the app's other policies still pay and its
     * other settings can still be changed. Nothing is removed from storage: when the plugin is
     * back, so are its settings.
     */
    public Map<String, String> runnable(Map<String, String> stored) {
        Map<String, String> runnable = new HashMap<>(stored);
        runnable.keySet().removeIf(key -> key.startsWith(PREFIX) && !byPolicy.containsKey(policyOf(key)));
        String listed = runnable.get("rewards.policies");
        if (listed != null) {
            runnable.put("rewards.policies", java.util.Arrays.stream(listed.split(",")).map(String::trim)
                    .filter(byPolicy::containsKey).collect(java.util.stream.Collectors.joining(",")));
        }
        return runnable;
    }

    private static String policyOf(String key) {
        String rest = key.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * Parses the app's {@code reward.*} overrides into one config per known policy (defaults for
     * those it did not change); adds to {@code errors} every bad or unknown key, prefixed.
     */
    Map<String, Config> parse(Map<String, String> rewardOverrides, List<ConfigError> errors) {
        Map<String, Map<String, String>> split = new HashMap<>();
        for (Map.Entry<String, String> entry : rewardOverrides.entrySet()) {
            String rest = entry.getKey().substring(PREFIX.length());
            int dot = rest.indexOf('.');
            String policy = dot < 0 ? rest : rest.substring(0, dot);
            if (dot < 0 || !byPolicy.containsKey(policy)) {
                errors.add(new ConfigError(entry.getKey(), "no reward policy '" + policy + "' on this host; known: "
                        + (byPolicy.isEmpty() ? "none" : String.join(", ", byPolicy.keySet()))));
                continue;
            }
            split.computeIfAbsent(policy, p -> new HashMap<>()).put(rest.substring(dot + 1), entry.getValue());
        }
        Map<String, Config> configs = new LinkedHashMap<>();
        byPolicy.forEach((policy, spec) -> {
            Map<String, String> raw = split.getOrDefault(policy, Map.of());
            List<ConfigError> own = spec.validate(raw);
            for (ConfigError error : own) {
                errors.add(new ConfigError(PREFIX + policy + "." + error.key(), error.message()));
            }
            if (own.isEmpty()) {
                configs.put(policy, spec.parse(raw));
            }
        });
        return configs;
    }
}
