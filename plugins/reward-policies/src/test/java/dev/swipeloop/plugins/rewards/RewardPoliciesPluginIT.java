package dev.swipeloop.plugins.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.plugin.BuiltPluginZip;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginManager;

/**
 * The three policies from the real built zip, loaded by PF4J from a plugins directory as the
 * host loads it, and used through sdk-api types only. Runs in {@code verify}, after
 * {@code package} has built and checked the archive.
 */
class RewardPoliciesPluginIT {
    private static final String PLUGIN_ID = "reward-policies";

    @TempDir
    static Path pluginsDir;
    private static PluginManager plugins;
    private static Map<String, RewardPolicy> policies;

    @BeforeAll
    static void loadTheBuiltZip() {
        plugins = BuiltPluginZip.load(PLUGIN_ID, pluginsDir);
        // asked for once, as the host's registry does (PF4J makes new instances per call)
        policies = plugins.getExtensions(RewardPolicy.class, PLUGIN_ID).stream()
                .collect(Collectors.toMap(RewardPolicy::id, Function.identity(), (a, b) -> a, TreeMap::new));
        for (RewardPolicy policy : policies.values()) {
            policy.start(new TestPluginContext(PLUGIN_ID, pluginsDir, policy.id()), policy.configSpec().parse(Map.of()));
        }
    }

    @AfterAll
    static void unload() {
        if (policies != null) {
            policies.values().forEach(RewardPolicy::close);
        }
        BuiltPluginZip.unload(plugins);
    }

    @Test
    void theZipIndexesTheThreePoliciesAndOffersThemFromItsOwnClassLoader() throws IOException {
        Path zip = Path.of(System.getProperty("swipeloop.plugin.zip"));
        try (ZipFile archive = new ZipFile(zip.toFile());
             InputStream index = archive.getInputStream(archive.getEntry("classes/META-INF/extensions.idx"))) {
            List<String> indexed = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).sorted().toList();
            assertEquals(List.of(PointsPolicy.class.getName(), QualityWeightedPolicy.class.getName(),
                    TiersPolicy.class.getName()), indexed);
        }
        assertEquals(List.of("points", "quality-weighted", "tiers"), List.copyOf(policies.keySet()));
        ClassLoader pluginLoader = plugins.getPluginClassLoader(PLUGIN_ID);
        for (RewardPolicy policy : policies.values()) {
            assertSame(pluginLoader, policy.getClass().getClassLoader(), policy.id() + " comes from the zip");
        }
    }

    @Test
    void oneVoteThroughTheAppsPolicyListEarnsPointsAndTheFirstTier() {
        InMemoryLedger ledger = new InMemoryLedger();
        Vote vote = TestVotes.like("fay", TestVotes.at(1, 9));
        Map<String, Map<String, String>> settings = Map.of("points", Map.of("perVote", "25"),
                "quality-weighted", Map.of(), "tiers", Map.of());
        for (String id : List.of("points", "quality-weighted", "tiers")) {
            RewardPolicy policy = policies.get(id);
            Config config = policy.appSpec().parse(settings.get(id));
            ledger.append(policy.onVote(vote, TestVotes.clean(),
                    new TestRewardContext(TestVotes.APP, config, ledger, vote.receivedAt())));
        }

        assertEquals(List.of("points 25 vote", "quality-weighted 8 vote", "tiers 0 tier:Supporter"),
                ledger.all().stream().map(e -> e.policy() + " " + e.points() + " " + e.reason()).toList(),
                "the quality-weighted points are pending, so only the 25 vested ones reach Supporter");
    }
}
