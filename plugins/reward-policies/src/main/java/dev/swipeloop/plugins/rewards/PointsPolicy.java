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
import org.pf4j.Extension;

/**
 * {@code points}: a fixed number of points per accepted vote, up to a daily cap per rater, and
 * a bonus on the first rewarded vote of each UTC day that continues a streak of consecutive
 * rewarded days. Skips and votes of a flagged rater earn nothing and do not count towards a
 * streak. Points vest at once.
 */
@Extension
public final class PointsPolicy implements RewardPolicy {
    public static final String ID = "points";
    static final String VOTE_REASON = "vote";
    static final String STREAK_REASON_PREFIX = "streak:";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Points per accepted vote, with a daily cap per rater and a bonus for streaks of consecutive days";
    }

    @Override
    public ConfigSpec appSpec() {
        return PointsSettings.SPEC;
    }

    @Override
    public void start(PluginContext context, Config config) {
        // Nothing to set up: every call brings the app's settings and the ledger.
    }

    @Override
    public List<LedgerEntry> onVote(Vote vote, RaterSignals rater, RewardContext context) {
        if (rater.flagged() || Answers.isSkip(vote)) {
            return List.of();
        }
        PointsSettings settings = PointsSettings.of(context.config());
        Instant now = context.now();
        List<LedgerEntry> past = context.ledger().entries(vote.appId(), vote.rater(), ID);
        long earned = DailyCap.allowance(past, VOTE_REASON, now, settings.dailyCap(), settings.perVote());
        if (earned == 0) {
            return List.of();
        }
        List<LedgerEntry> entries = new ArrayList<>(2);
        entries.add(RewardEntries.vested(ID, vote, earned, VOTE_REASON, now));
        long today = UtcDays.of(now);
        RewardedDays days = RewardedDays.of(past, VOTE_REASON);
        if (!days.contains(today)) {
            int streak = days.runEndingAt(today - 1) + 1;
            long bonus = streak >= 2 ? settings.bonusFor(streak) : 0;
            if (bonus > 0) {
                entries.add(RewardEntries.vested(ID, vote, bonus, STREAK_REASON_PREFIX + streak, now));
            }
        }
        return entries;
    }

    @Override
    public Progress progress(String rater, RewardContext context) {
        LedgerView ledger = context.ledger();
        Instant now = context.now();
        long vested = ledger.vestedPoints(context.appId(), rater, ID, now);
        long pending = ledger.points(context.appId(), rater, ID) - vested;
        int streak = RewardedDays.of(ledger.entries(context.appId(), rater, ID), VOTE_REASON)
                .currentStreak(UtcDays.of(now));
        return new Progress(ID, vested, null, null, null, streak, pending, List.of());
    }
}
