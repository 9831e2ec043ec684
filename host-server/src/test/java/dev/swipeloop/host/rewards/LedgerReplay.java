package dev.swipeloop.host.rewards;

import dev.swipeloop.host.quality.GoldLookup;
import dev.swipeloop.host.quality.RaterQuality;
import dev.swipeloop.host.quality.RewardSignals;
import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.RewardPolicy;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A full recomputation of an app's ledger from its stored votes, in one pass and one batch:
 * fresh rater-quality rules fed every vote, the same {@link VotePayer}, a ledger that starts
 * empty. What the engine stored page by page, while votes arrived in batches of any size,
 * must come out the same.
 */
final class LedgerReplay {
    private LedgerReplay() {
    }

    /** The entries the app's votes earn under {@code settings}, in the order the engine stores them, seqs 0. */
    static List<LedgerEntry> recompute(StorageBackend storage, String appId, AppSettings settings,
                                       List<RewardPolicy> policies) {
        Map<String, RewardPolicy> byId = new HashMap<>();
        policies.forEach(policy -> byId.put(policy.id(), policy));
        VotePayer payer = new VotePayer(byId);
        RaterQuality quality = new RaterQuality(settings.quality());
        RewardSignals signals = new RewardSignals(quality);
        Map<String, Optional<Verdict>> gold = new HashMap<>();
        PendingLedger ledger = new PendingLedger(appId, (rater, policy) -> List.of());
        AppDayTotal day = new AppDayTotal(since -> ledger.pending().stream()
                .filter(entry -> !entry.at().isBefore(since) && entry.points() > 0).mapToLong(LedgerEntry::points).sum());
        long after = 0;
        while (true) {
            List<Vote> page = storage.votesAfter(appId, after, 1000);
            for (Vote vote : page) {
                GoldLookup golds = item -> gold.computeIfAbsent(item, id -> storage.item(appId, id).map(Item::gold)
                        .filter(verdict -> verdict != Verdict.SKIP)).orElse(null);
                quality.observe(vote, golds);
                signals.observe(vote, golds);
                payer.pay(vote, signals.signals(vote), settings, ledger, day);
                after = vote.seq();
            }
            if (page.size() < 1000) {
                return ledger.pending();
            }
        }
    }

    /** The app's stored ledger in seq order, seqs set to 0 to compare with {@link #recompute}. */
    static List<LedgerEntry> stored(StorageBackend storage, String appId) {
        List<LedgerEntry> all = new java.util.ArrayList<>();
        long after = 0;
        while (true) {
            List<LedgerEntry> page = storage.ledgerAfter(appId, after, 1000);
            page.forEach(entry -> all.add(entry.withSeq(0)));
            if (page.size() < 1000) {
                return all;
            }
            after = page.get(page.size() - 1).seq();
        }
    }
}
