package dev.swipeloop.host.rewards;

import static dev.swipeloop.host.testing.ScoredApp.binary;
import static dev.swipeloop.host.testing.ScoredApp.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.host.settings.RewardPolicySpecs;
import dev.swipeloop.host.testing.ScoredApp;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.reward.RewardPolicy;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger is a function of the votes: what the engine pays while votes arrive in batches of
 * any size, across a restart, equals a recomputation from the stored votes in one pass; and a
 * restart pays nothing twice. Real host, real plugin archives, real SQLite.
 */
class RewardsLedgerIT {
    private static final String SETTINGS = "{\"rewards.policies\":\"points,quality-weighted,tiers\","
            + "\"rewards.anonymous\":true,\"rewards.appDailyCap\":900,"
            + "\"reward.points.dailyCap\":20,\"reward.quality-weighted.vestingHours\":0,"
            + "\"reward.tiers.thresholds\":\"10:Rookie,40:Regular,400:Legend\"}";

    @TempDir
    Path dir;

    @Test
    void theIncrementalLedgerEqualsARecomputationFromTheVotesAcrossARestart() {
        Random random = new Random(6);
        List<String> votes = scenario(random);
        int half = votes.size() / 2;
        List<LedgerEntry> beforeRestart;
        dev.swipeloop.host.testing.TestHost.TestApp app;
        try (ScoredApp scored = ScoredApp.start(dir)) {
            app = scored.app();
            scored.patch(SETTINGS, 200);
            sendInRandomBatches(scored, votes.subList(0, half), random);
            beforeRestart = settledLedger(scored);
            assertTrue(beforeRestart.size() > 100, "the scenario pays: " + beforeRestart.size());
            sendInRandomBatches(scored, votes.subList(half, votes.size() - 40), random);
        }
        try (ScoredApp scored = ScoredApp.restart(dir, app)) {
            List<LedgerEntry> afterRestart = settledLedger(scored);
            assertEquals(beforeRestart, afterRestart.subList(0, beforeRestart.size()),
                    "a restart folds every vote again and pays none of them twice");
            sendInRandomBatches(scored, votes.subList(votes.size() - 40, votes.size()), random);
            List<LedgerEntry> incremental = settledLedger(scored);

            StorageBackend storage = scored.host().storage();
            List<RewardPolicy> policies = scored.host().host().plugins().rewardPolicies();
            AppSettings settings = AppSettings.of(storage.appSettings(scored.app().id()), RewardPolicySpecs.of(policies));
            List<LedgerEntry> recomputed = LedgerReplay.recompute(storage, scored.app().id(), settings, policies);
            assertEquals(recomputed.size(), incremental.size());
            assertEquals(recomputed, incremental, "entry by entry: rater, policy, points, reason, vote, times");
            assertEquals(recomputed, LedgerReplay.recompute(storage, scored.app().id(), settings, policies),
                    "replaying the same votes gives the same ledger");

            List<String> reasons = incremental.stream().map(LedgerEntry::reason).distinct().toList();
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("clawback:")), "the bot is clawed back: " + reasons);
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("tier:")), "tiers are reached: " + reasons);
            java.util.Map<java.time.LocalDate, Long> paidPerDay = new java.util.TreeMap<>();
            incremental.stream().filter(entry -> entry.points() > 0).forEach(entry -> paidPerDay.merge(
                    entry.at().atZone(java.time.ZoneOffset.UTC).toLocalDate(), entry.points(), Long::sum));
            assertTrue(paidPerDay.values().stream().allMatch(points -> points <= 900)
                    && paidPerDay.containsValue(900L), "the app's daily cap of 900 is reached, never passed: " + paidPerDay);
        }
    }

    @Test
    void aLedgerCacheTooSmallForAnyRaterPaysTheSameAsARecomputation() {
        Random random = new Random(7);
        // Three entries: every rater's ledger is let go and read again from storage, page after page.
        try (ScoredApp scored = ScoredApp.start(dir, java.util.Map.of("rewards.cacheEntries", "3"))) {
            scored.patch(SETTINGS, 200);
            sendInRandomBatches(scored, scenario(random), random);
            List<LedgerEntry> incremental = settledLedger(scored);

            StorageBackend storage = scored.host().storage();
            List<RewardPolicy> policies = scored.host().host().plugins().rewardPolicies();
            AppSettings settings = AppSettings.of(storage.appSettings(scored.app().id()), RewardPolicySpecs.of(policies));
            assertTrue(incremental.size() > 100, "the scenario pays: " + incremental.size());
            assertEquals(LedgerReplay.recompute(storage, scored.app().id(), settings, policies), incremental);
        }
    }

    /** Honest raters on every image and pair, two days apart for streaks, plus a fast always-like bot. */
    private static List<String> scenario(Random random) {
        List<String> images = ScoredApp.allImages();
        List<String> votes = new ArrayList<>();
        for (int rater = 0; rater < 12; rater++) {
            for (String image : images) {
                votes.add(binary("r" + rater, image, random.nextDouble() < 0.6 ? "like" : "dislike", 700 + random.nextInt(900)));
            }
            votes.add(binary("r" + rater, "broken", rater % 4 == 0 ? "like" : "dislike", 900));
            for (int i = 0; i + 1 < images.size(); i += 2) {
                votes.add(pair("r" + rater, images.get(i), images.get(i + 1), random.nextBoolean() ? "left" : "right", 1200));
            }
        }
        for (String image : images) {
            votes.add(binary("bot", image, "like", 90));
        }
        java.util.Collections.shuffle(votes, random);
        return votes;
    }

    private static void sendInRandomBatches(ScoredApp scored, List<String> votes, Random random) {
        int from = 0;
        while (from < votes.size()) {
            int to = Math.min(votes.size(), from + 1 + random.nextInt(40));
            scored.send(votes.subList(from, to));
            from = to;
        }
    }

    /** Every committed vote paid (the progress endpoint settles first), then the stored ledger. */
    private static List<LedgerEntry> settledLedger(ScoredApp scored) {
        scored.get("/v1/raters/r0/progress");
        return LedgerReplay.stored(scored.host().storage(), scored.app().id());
    }
}
