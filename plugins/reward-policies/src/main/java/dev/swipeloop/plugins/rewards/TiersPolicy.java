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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code tiers}: named thresholds on the vested points of other policies. With each accepted
 * vote it announces, in one 0-point {@code tier:<name>} entry each, the tiers whose threshold
 * the rater's vested total has reached and that it has not announced before; the host turns
 * each into a {@code rater.tier_reached} webhook. A tier once announced is kept, even when a
 * clawback later takes the total under its threshold. Like the paying policies it acts on no
 * skip and on no vote of a flagged rater, so points that vest while a rater is away are
 * announced with their next accepted vote.
 */
@Extension
public final class TiersPolicy implements RewardPolicy {
    public static final String ID = "tiers";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Named tiers reached by vested points of other policies, announced once each (rater.tier_reached)";
    }

    @Override
    public ConfigSpec appSpec() {
        return TiersSettings.SPEC;
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
        TiersSettings settings = TiersSettings.of(context.config());
        Instant now = context.now();
        Set<String> announced = announced(context.ledger().entries(vote.appId(), vote.rater(), ID));
        long vested = vestedTotal(context.ledger(), vote.appId(), vote.rater(), settings.sources(), now);
        List<LedgerEntry> entries = new ArrayList<>();
        for (Tier tier : settings.ladder()) {
            if (vested >= tier.points() && !announced.contains(tier.name())) {
                entries.add(RewardEntries.vested(ID, vote, 0, TIER_REASON_PREFIX + tier.name(), now));
            }
        }
        return entries;
    }

    @Override
    public Progress progress(String rater, RewardContext context) {
        TiersSettings settings = TiersSettings.of(context.config());
        LedgerView ledger = context.ledger();
        List<String> badges = List.copyOf(announced(ledger.entries(context.appId(), rater, ID)));
        long vested = vestedTotal(ledger, context.appId(), rater, settings.sources(), context.now());
        long total = 0;
        for (String source : settings.sources()) {
            total += ledger.points(context.appId(), rater, source);
        }
        Tier next = settings.ladder().stream().filter(tier -> !badges.contains(tier.name())).findFirst().orElse(null);
        return new Progress(ID, vested, highest(settings.ladder(), badges), next == null ? null : next.name(),
                next == null ? null : Math.max(0, next.points() - vested), 0, total - vested, badges);
    }

    /** The tier names announced in this policy's entries, in the order they were announced. */
    private static Set<String> announced(List<LedgerEntry> own) {
        Set<String> names = new LinkedHashSet<>();
        for (LedgerEntry entry : own) {
            if (entry.reason().startsWith(TIER_REASON_PREFIX)) {
                names.add(entry.reason().substring(TIER_REASON_PREFIX.length()));
            }
        }
        return names;
    }

    private static long vestedTotal(LedgerView ledger, String appId, String rater, List<String> sources, Instant now) {
        long vested = 0;
        for (String source : sources) {
            vested += ledger.vestedPoints(appId, rater, source, now);
        }
        return vested;
    }

    /**
     * The highest announced tier on the current ladder; when the app renamed its tiers since,
     * the latest announced one, so a rater keeps the tier they were told about.
     */
    private static String highest(List<Tier> ladder, List<String> badges) {
        String highest = null;
        for (Tier tier : ladder) {
            if (badges.contains(tier.name())) {
                highest = tier.name();
            }
        }
        if (highest == null && !badges.isEmpty()) {
            highest = badges.get(badges.size() - 1);
        }
        return highest;
    }
}
