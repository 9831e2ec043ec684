package dev.swipeloop.host.rewards;

import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.sdk.StorageException;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.LedgerView;
import dev.swipeloop.sdk.reward.RaterSignals;
import dev.swipeloop.sdk.reward.RewardContext;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays one vote: runs the app's policies in its order and applies what the host guarantees
 * whatever the policies do. Anonymous votes earn nothing unless the app allows it; a skip, or a
 * vote of a flagged rater (too fast, one answer, over the daily cap...), earns no positive
 * points from any policy, third-party ones included (a clawback or a 0-point tier entry still
 * goes through); an entry for another app or rater, or under another policy's name, is
 * refused; the app's daily cap trims the payment that reaches it and refuses the next ones. The engine and a recomputation both pay through here,
 * so they cannot disagree on these rules.
 */
final class VotePayer {
    private static final Logger LOG = LoggerFactory.getLogger(VotePayer.class);

    private final Map<String, RewardPolicy> policies;

    /** @param policies the started reward policies by id */
    VotePayer(Map<String, RewardPolicy> policies) {
        this.policies = Map.copyOf(policies);
    }

    /**
     * The entries {@code vote} earns, each also added to {@code ledger} so the next policy (and
     * the next vote) sees it. A policy that throws pays nothing for the vote: it is logged, and
     * the other policies and votes go on.
     */
    List<LedgerEntry> pay(Vote vote, RaterSignals signals, AppSettings settings, PendingLedger ledger, AppDayTotal day) {
        AppSettings.RewardSettings rewards = settings.rewards();
        if (!rewards.enabled() || !vote.verified() && !rewards.anonymous()) {
            return List.of();
        }
        List<LedgerEntry> paid = new ArrayList<>();
        for (String id : rewards.policies()) {
            RewardPolicy policy = policies.get(id);
            if (policy == null) {
                continue; // failed to start: /health says so, and the app's other policies still pay
            }
            Context context = new Context(vote.appId(), settings.rewardConfig(id), ledger, vote.receivedAt());
            List<LedgerEntry> made;
            try {
                made = policy.onVote(vote, signals, context);
            } catch (StorageException e) {
                throw e; // reading the rater's ledger failed, not the policy: the page is paid again later
            } catch (RuntimeException e) {
                LOG.warn("Reward policy {} failed on vote {} of app {}; it pays nothing for that vote", id, vote.id(),
                        vote.appId(), e);
                continue;
            }
            for (LedgerEntry entry : made == null ? List.<LedgerEntry>of() : made) {
                LedgerEntry accepted = accept(entry, vote, id, payable(vote, signals), rewards.appDailyCap(), day);
                if (accepted != null) {
                    ledger.add(accepted);
                    paid.add(accepted);
                }
            }
        }
        return paid;
    }

    /** Whether the vote may earn positive points at all: not a skip, and its rater not flagged. */
    private static boolean payable(Vote vote, RaterSignals signals) {
        boolean skip = vote.judgement() instanceof Judgement.Binary binary && binary.verdict() == Verdict.SKIP
                || vote.judgement() instanceof Judgement.Pair pair && pair.choice() == Choice.SKIP;
        return !skip && !signals.flagged();
    }

    private static LedgerEntry accept(LedgerEntry entry, Vote vote, String policy, boolean payable, long appDailyCap,
                                      AppDayTotal day) {
        if (!vote.appId().equals(entry.appId()) || !vote.rater().equals(entry.rater()) || !policy.equals(entry.policy())) {
            LOG.warn("Reward policy {} made an entry for app {}, rater {}, policy {} on a vote of rater {} of app {};"
                    + " refused", policy, entry.appId(), entry.rater(), entry.policy(), vote.rater(), vote.appId());
            return null;
        }
        Instant at = Objects.requireNonNullElse(entry.at(), vote.receivedAt());
        LedgerEntry placed = new LedgerEntry(entry.appId(), entry.rater(), policy, entry.points(), entry.reason(),
                entry.voteId(), at, 0, entry.vestsAt());
        if (placed.points() > 0 && !payable) {
            LOG.debug("Reward policy {} paid a skip or a flagged rater's vote {}; refused", policy, vote.id());
            return null;
        }
        if (placed.points() <= 0) {
            return placed;
        }
        long allowed = day.allow(at, placed.points(), appDailyCap);
        if (allowed == placed.points()) {
            return placed;
        }
        // The reason stays the policy's: its own caps and streaks recognise the entry by it.
        return allowed == 0 ? null : new LedgerEntry(placed.appId(), placed.rater(), policy, allowed,
                placed.reason(), placed.voteId(), at, 0, placed.vestsAt());
    }

    /** What a policy sees of one vote's app, settings, ledger and time. */
    record Context(String appId, Config config, LedgerView ledger, Instant now) implements RewardContext {
    }
}
