package dev.swipeloop.host.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.host.settings.RewardPolicySpecs;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.plugin.PluginContext;
import dev.swipeloop.sdk.reward.RaterSignals;
import dev.swipeloop.sdk.reward.RewardContext;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class VotePayerTest {
    private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");
    private static final RaterSignals CLEAN = new RaterSignals(true, List.of(), 1, 0, 0);

    /** A policy made of one function, as a third party might write it (right or wrong). */
    private record Policy(String id, BiFunction<Vote, RewardContext, List<LedgerEntry>> pays) implements RewardPolicy {
        @Override
        public void start(PluginContext context, Config config) {
        }

        @Override
        public List<LedgerEntry> onVote(Vote vote, RaterSignals rater, RewardContext context) {
            return pays.apply(vote, context);
        }
    }

    private static Policy flat(String id, long points) {
        return new Policy(id, (vote, context) -> List.of(entry(vote, id, points, "vote")));
    }

    private static LedgerEntry entry(Vote vote, String policy, long points, String reason) {
        return new LedgerEntry(vote.appId(), vote.rater(), policy, points, reason, vote.id(), vote.receivedAt(), 0);
    }

    private static Vote like(String rater, Instant at, boolean verified) {
        return new Vote(UUID.randomUUID(), "app", rater, null, new Judgement.Binary("img", Verdict.LIKE), 900, null, 1, at,
                verified);
    }

    private final List<LedgerEntry> stored = new ArrayList<>();
    private final PendingLedger ledger = new PendingLedger("app", (rater, policy) -> List.of());
    private final AppDayTotal day = new AppDayTotal(since -> 0);

    private List<LedgerEntry> pay(Map<String, RewardPolicy> policies, Map<String, String> settings, Vote vote,
                                  RaterSignals signals) {
        AppSettings app = AppSettings.of(settings, RewardPolicySpecs.of(List.copyOf(policies.values())));
        List<LedgerEntry> paid = new VotePayer(policies).pay(vote, signals, app, ledger, day);
        stored.addAll(paid);
        return paid;
    }

    private static Map<String, RewardPolicy> policies(RewardPolicy... policies) {
        Map<String, RewardPolicy> byId = new LinkedHashMap<>();
        for (RewardPolicy policy : policies) {
            byId.put(policy.id(), policy);
        }
        return byId;
    }

    @Test
    void anonymousVotesEarnOnlyWhereTheAppAllowsIt() {
        Map<String, RewardPolicy> points = policies(flat("points", 1));
        assertEquals(List.of(), pay(points, Map.of("rewards.policies", "points"), like("anon", NOON, false), CLEAN));
        assertEquals(1, pay(points, Map.of("rewards.policies", "points"), like("ada", NOON, true), CLEAN).size());
        assertEquals(1, pay(points, Map.of("rewards.policies", "points", "rewards.anonymous", "true"),
                like("anon", NOON, false), CLEAN).size());
    }

    @Test
    void skipsAndFlaggedRatersEarnNothingWhateverAPolicyPaysButAClawbackGoesThrough() {
        Map<String, RewardPolicy> generous = policies(flat("points", 5),
                new Policy("claw", (vote, context) -> List.of(entry(vote, "claw", -20, "clawback:too-fast"))));
        Map<String, String> settings = Map.of("rewards.policies", "points,claw");
        Vote skip = new Vote(UUID.randomUUID(), "app", "ada", null, new Judgement.Binary("img", Verdict.SKIP), 900, null,
                1, NOON, true);
        Vote pairSkip = new Vote(UUID.randomUUID(), "app", "ada", null, new Judgement.Pair("a", "b", Choice.SKIP), 900,
                null, 2, NOON, true);
        RaterSignals flagged = new RaterSignals(true, List.of("too-fast"), 9, 0, 0);

        assertEquals(List.of(-20L), pay(generous, settings, skip, CLEAN).stream().map(LedgerEntry::points).toList());
        assertEquals(List.of(-20L), pay(generous, settings, pairSkip, CLEAN).stream().map(LedgerEntry::points).toList());
        assertEquals(List.of(-20L), pay(generous, settings, like("ada", NOON, true), flagged).stream()
                .map(LedgerEntry::points).toList());
    }

    @Test
    void aLaterPolicySeesWhatAnEarlierOneJustPaidForTheSameVote() {
        Policy tiers = new Policy("tiers", (vote, context) -> {
            long points = context.ledger().points(vote.appId(), vote.rater(), "points");
            return points >= 2 ? List.of(entry(vote, "tiers", 0, "tier:Rookie")) : List.of();
        });
        Map<String, RewardPolicy> both = policies(flat("points", 1), tiers);
        Map<String, String> settings = Map.of("rewards.policies", "points,tiers");
        assertEquals(1, pay(both, settings, like("ada", NOON, true), CLEAN).size());
        List<LedgerEntry> second = pay(both, settings, like("ada", NOON, true), CLEAN);
        assertEquals(List.of("vote", "tier:Rookie"), second.stream().map(LedgerEntry::reason).toList(),
                "the tier sees the points of the vote that reached it");
    }

    @Test
    void theAppsDailyCapTrimsTheLastPaymentAndOpensAgainTheNextUtcDay() {
        Map<String, RewardPolicy> points = policies(flat("points", 4));
        Map<String, String> settings = Map.of("rewards.policies", "points", "rewards.appDailyCap", "10");
        List<Long> paid = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pay(points, settings, like("rater" + i, NOON.plusSeconds(i), true), CLEAN).forEach(e -> paid.add(e.points()));
        }
        assertEquals(List.of(4L, 4L, 2L), paid, "4 + 4 + 2 = the cap of 10; the fourth vote earns nothing");
        assertEquals("vote", stored.get(2).reason(), "the policy's reason stays: its own caps and streaks read it");
        assertEquals(4, pay(points, settings, like("rater9", Instant.parse("2026-11-28T00:00:01Z"), true), CLEAN)
                .get(0).points(), "a new UTC day has a new cap");
    }

    @Test
    void aClawbackDoesNotMakeRoomUnderTheAppsDailyCap() {
        Map<String, RewardPolicy> points = policies(flat("points", 5),
                new Policy("claw", (vote, context) -> vote.rater().equals("bot")
                        ? List.of(entry(vote, "claw", -5, "clawback:too-fast")) : List.of()));
        Map<String, String> settings = Map.of("rewards.policies", "points,claw", "rewards.appDailyCap", "10");
        pay(points, settings, like("ada", NOON, true), CLEAN);
        pay(points, settings, like("bot", NOON.plusSeconds(1), true), CLEAN);
        assertEquals(List.of(), pay(points, settings, like("cy", NOON.plusSeconds(2), true), CLEAN),
                "10 points were paid today; taking 5 back does not allow 5 more");
    }

    @Test
    void aStorageFailureWhileAPolicyReadsTheLedgerFailsThePaymentInsteadOfSkippingTheVote() {
        PendingLedger failing = new PendingLedger("app", (rater, policy) -> {
            throw new dev.swipeloop.sdk.StorageException("database is locked", null);
        });
        Policy reads = new Policy("points", (vote, context) -> {
            context.ledger().entries(vote.appId(), vote.rater(), "points");
            return List.of(entry(vote, "points", 1, "vote"));
        });
        AppSettings app = AppSettings.of(Map.of("rewards.policies", "points"),
                RewardPolicySpecs.of(List.of(reads)));
        org.junit.jupiter.api.Assertions.assertThrows(dev.swipeloop.sdk.StorageException.class,
                () -> new VotePayer(policies(reads)).pay(like("ada", NOON, true), CLEAN, app, failing, day),
                "the page is paid again later, not passed over");
    }

    @Test
    void entriesForAnotherRaterOrUnderAnotherPolicysNameAreRefusedAndAThrowingPolicyPaysNothing() {
        Policy impostor = new Policy("impostor", (vote, context) -> List.of(
                new LedgerEntry("app", "mallory", "impostor", 100, "vote", vote.id(), vote.receivedAt(), 0),
                new LedgerEntry("app", vote.rater(), "points", 100, "vote", vote.id(), vote.receivedAt(), 0)));
        Policy broken = new Policy("broken", (vote, context) -> {
            throw new IllegalStateException("bug");
        });
        Map<String, RewardPolicy> three = policies(impostor, broken, flat("points", 1));
        List<LedgerEntry> paid = pay(three, Map.of("rewards.policies", "impostor,broken,points"),
                like("ada", NOON, true), CLEAN);
        assertEquals(1, paid.size(), paid.toString());
        assertEquals("points", paid.get(0).policy());
        assertEquals(1, paid.get(0).points());
    }

    @Test
    void aPolicyThatFailedToStartIsSkippedAndTheOthersStillPay() {
        AppSettings app = AppSettings.of(Map.of("rewards.policies", "points,tiers"), new RewardPolicySpecs(Map.of(
                "points", new ConfigSpec(), "tiers", new ConfigSpec())));
        List<LedgerEntry> paid = new VotePayer(policies(flat("points", 1))).pay(like("ada", NOON, true), CLEAN, app,
                ledger, day);
        assertEquals(1, paid.size());
    }
}
