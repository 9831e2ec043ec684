package dev.swipeloop.plugins.rewards;

import static dev.swipeloop.plugins.rewards.TestVotes.at;
import static dev.swipeloop.plugins.rewards.TestVotes.clean;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.reward.Progress;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The end-to-end example of docs/reward-policies.md (section tiers), so the page cannot drift. */
class DocumentedExampleTest {
    @Test
    void twentyFiveVotesOnMondayAndOneOnThursdayReachEarlyAccess() {
        List<RewardPolicy> policies = List.of(new PointsPolicy(), new QualityWeightedPolicy(), new TiersPolicy());
        List<Config> defaults = policies.stream().map(p -> p.appSpec().parse(Map.of())).toList();
        List<SignedVote> votes = new ArrayList<>();
        for (int minute = 0; minute < 25; minute++) {
            votes.add(new SignedVote(TestVotes.like("gus", at(1, 10 + minute / 60.0)), clean()));
        }
        votes.add(new SignedVote(TestVotes.like("gus", at(4, 12)), clean()));
        InMemoryLedger ledger = new InMemoryLedger();

        new ReplayEngine(policies, defaults).run(ledger, votes, 1);

        List<String> tiers = ledger.all().stream().filter(e -> e.policy().equals("tiers"))
                .map(e -> e.reason() + " @ " + e.at()).toList();
        assertEquals(List.of("tier:Supporter @ " + at(1, 10 + 24 / 60.0), "tier:Early access @ " + at(4, 12)), tiers);
        assertEquals(List.of(), ledger.all().stream().map(LedgerEntry::reason).filter(r -> r.startsWith("streak:")).toList());
        Progress progress = policies.get(2).progress("gus", new TestRewardContext(TestVotes.APP, defaults.get(2), ledger,
                at(4, 12)));
        assertEquals(new Progress("tiers", 226, "Early access", "Champion", 274L, 0, 8,
                List.of("Supporter", "Early access")), progress);
    }
}
