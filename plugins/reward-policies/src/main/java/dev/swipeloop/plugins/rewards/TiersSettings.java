package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One app's settings of the {@code tiers} policy ({@code reward.tiers.<key>}). */
record TiersSettings(List<Tier> ladder, List<String> sources) {
    static final ConfigSpec SPEC = new ConfigSpec()
            .define("thresholds", ConfigType.LIST, List.of("25:Supporter", "100:Early access", "500:Champion"), false,
                    "Tiers as points:name pairs, strictly increasing, e.g. 25:Supporter,100:Early access,500:Champion;"
                            + " a name has no ':' or ','", TierLadder::problem)
            .define("sources", ConfigType.LIST, List.of(PointsPolicy.ID, QualityWeightedPolicy.ID), false,
                    "Ids of the policies whose vested points count towards the tiers", TiersSettings::sourcesProblem);

    static TiersSettings of(Config config) {
        return new TiersSettings(TierLadder.parse(config.getList("thresholds")), config.getList("sources"));
    }

    private static String sourcesProblem(Object value) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object item : (List<?>) value) {
            String source = (String) item;
            if (!source.matches("[a-z0-9][a-z0-9-]*")) {
                problems.add("'" + source + "' is not a policy id (lower-case letters, digits and '-')");
            } else if (source.equals(TiersPolicy.ID)) {
                problems.add("'" + TiersPolicy.ID + "' pays no points of its own");
            } else if (!seen.add(source)) {
                problems.add("'" + source + "' is listed twice");
            }
        }
        return problems.isEmpty() ? null : "must be reward policy ids such as points,quality-weighted: "
                + String.join("; ", problems);
    }
}
