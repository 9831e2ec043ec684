package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.plugin.PluginContext;
import dev.swipeloop.sdk.reward.LedgerView;
import dev.swipeloop.sdk.reward.Progress;
import dev.swipeloop.sdk.reward.RaterSignals;
import dev.swipeloop.sdk.reward.RewardContext;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * {@code quality-weighted}: points per accepted vote scaled by the rater's smoothed gold
 * accuracy, up to a daily cap, vesting after a delay. A vote at which the rater is flagged
 * claws back this policy's whole balance, vested and pending (see {@link #clawback}), and earns
 * nothing; later votes earn again once no flag stands.
 */
@Extension
public final class QualityWeightedPolicy implements RewardPolicy {
    public static final String ID = "quality-weighted";
    static final String VOTE_REASON = "vote";
    static final String CLAWBACK_REASON_PREFIX = "clawback:";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Points per vote scaled by the rater's gold accuracy, vesting after a delay, clawed back when the rater is flagged";
    }

    @Override
    public ConfigSpec appSpec() {
        return QualityWeightedSettings.SPEC;
    }

    @Override
    public void start(PluginContext context, Config config) {
        // Nothing to set up: every call brings the app's settings and the ledger.
    }

    @Override
    public List<LedgerEntry> onVote(Vote vote, RaterSignals rater, RewardContext context) {
        Instant now = context.now();
        if (rater.flagged()) {
            return clawback(vote, rater, context.ledger(), now);
        }
        if (Answers.isSkip(vote)) {
            return List.of();
        }
        QualityWeightedSettings settings = QualityWeightedSettings.of(context.config());
        List<LedgerEntry> past = context.ledger().entries(vote.appId(), vote.rater(), ID);
        long earned = DailyCap.allowance(past, VOTE_REASON, now, settings.dailyCap(), settings.pointsFor(rater));
        if (earned == 0) {
            return List.of();
        }
        return List.of(RewardEntries.vesting(ID, vote, earned, VOTE_REASON, now, now.plus(settings.vesting())));
    }

    /**
     * Takes back the whole balance, vested and pending. The vested part goes at once; each
     * pending part is taken back by an entry that vests when it would have, so at no moment do
     * the rater's vested points go below zero (a single clawback vesting at once would leave
     * them negative until the pending points vested) nor the pending ones stay positive.
     */
    private static List<LedgerEntry> clawback(Vote vote, RaterSignals rater, LedgerView ledger, Instant now) {
        if (ledger.points(vote.appId(), vote.rater(), ID) <= 0) {
            return List.of();
        }
        String reason = CLAWBACK_REASON_PREFIX + String.join(",", rater.flags());
        long vested = ledger.vestedPoints(vote.appId(), vote.rater(), ID, now);
        SortedMap<Instant, Long> pending = new TreeMap<>();
        for (LedgerEntry entry : ledger.entries(vote.appId(), vote.rater(), ID)) {
            if (!entry.vestedAt(now)) {
                pending.merge(entry.vestingTime(), entry.points(), Long::sum);
            }
        }
        List<LedgerEntry> entries = new ArrayList<>();
        if (vested != 0) {
            entries.add(RewardEntries.vesting(ID, vote, -vested, reason, now, now));
        }
        pending.forEach((vestsAt, points) -> {
            if (points != 0) {
                entries.add(RewardEntries.vesting(ID, vote, -points, reason, now, vestsAt));
            }
        });
        return entries;
    }

    @Override
    public Progress progress(String rater, RewardContext context) {
        LedgerView ledger = context.ledger();
        long vested = ledger.vestedPoints(context.appId(), rater, ID, context.now());
        long pending = ledger.points(context.appId(), rater, ID) - vested;
        return new Progress(ID, vested, null, null, null, 0, pending, List.of());
    }
}
