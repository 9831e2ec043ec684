package dev.swipeloop.host.export;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One pass over an export's rows: the app's votes in {@code (afterSeq, lastSeq]}, a page at a
 * time ({@link StorageBackend#votesAfter}), joined with their items, filtered, pseudonymised and
 * split, plus derived pairs when asked. Memory is one page of votes plus the bounded caches, so
 * it does not grow with the number of votes.
 */
final class RowReader implements Iterator<ExportRow> {
    static final int PAGE = 1000;

    private final StorageBackend storage;
    private final ExportPlan plan;
    private final ItemCache items;
    private final JudgementCounts judgements;
    private final RaterPseudonyms pseudonyms;
    private final RaterFlags flags;
    /**
     * The flags of each rater met, asked once per pass: every row of a rater agrees, and the
     * quality board is not locked per row. One small entry per distinct rater.
     */
    private final Map<String, List<String>> flagsOf = new HashMap<>();
    private final Set<VoteKind> kinds;
    private final ExportTally tally;
    private final ExportProgress progress;
    private final boolean countExclusions;
    private final DerivedPairs derived;
    private final ArrayDeque<ExportRow> ready = new ArrayDeque<>();
    private long position;
    private boolean exhausted;

    RowReader(StorageBackend storage, ExportPlan plan, ItemCache items, JudgementCounts judgements,
              RaterPseudonyms pseudonyms, RaterFlags flags, ExportTally tally, ExportProgress progress,
              boolean countExclusions) {
        this.storage = storage;
        this.plan = plan;
        this.items = items;
        this.judgements = judgements;
        this.pseudonyms = pseudonyms;
        this.flags = flags;
        this.kinds = plan.format().kinds();
        this.tally = tally;
        this.progress = progress;
        this.countExclusions = countExclusions;
        this.derived = plan.common().derivedPairs() ? new DerivedPairs(items::require) : null;
        this.position = plan.afterSeq();
        progress.passStarted();
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !exhausted) {
            readPage();
        }
        return !ready.isEmpty();
    }

    @Override
    public ExportRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void readPage() {
        int limit = (int) Math.min(PAGE, plan.lastSeq() - position);
        List<Vote> page = limit <= 0 ? List.of() : storage.votesAfter(plan.appId(), position, limit);
        List<Vote> inRange = new ArrayList<>(page.size());
        for (Vote vote : page) {
            // Past the range, or (from a faulty backend) not after the position: either would loop.
            if (vote.seq() <= plan.lastSeq() && vote.seq() > position) {
                inRange.add(vote);
            }
        }
        if (inRange.isEmpty()) {
            exhausted = true;
            return;
        }
        Set<String> ids = itemIds(inRange);
        items.load(ids);
        if (plan.common().minVotes() > 0) {
            judgements.load(ids);
        }
        for (Vote vote : inRange) {
            progress.read(vote.seq());
            position = vote.seq();
            accept(vote);
        }
    }

    private static Set<String> itemIds(List<Vote> votes) {
        Set<String> ids = new LinkedHashSet<>();
        for (Vote vote : votes) {
            if (vote.judgement() instanceof Judgement.Binary binary) {
                ids.add(binary.item());
            } else if (vote.judgement() instanceof Judgement.Pair pair) {
                ids.add(pair.left());
                ids.add(pair.right());
            }
        }
        return ids;
    }

    private void accept(Vote vote) {
        String excluded = exclusion(vote);
        if (excluded != null) {
            exclude(excluded);
            return;
        }
        List<String> raterFlags = flagsOf.computeIfAbsent(vote.rater(), rater -> flags.of(plan.appId(), rater));
        if (plan.common().excludeFlagged() && !raterFlags.isEmpty()) {
            exclude("flagged rater");
            return;
        }
        Vote shown = new Vote(vote.id(), vote.appId(), pseudonyms.of(vote.rater()), vote.session(),
                vote.judgement(), vote.dwellMs(), vote.clientTs(), vote.seq(), vote.receivedAt());
        ExportRow row;
        String groupKey;
        if (vote.judgement() instanceof Judgement.Binary binary) {
            Item item = items.get(binary.item());
            groupKey = GroupKey.of(item, binary.item());
            row = new ExportRow(shown, item, null, null, raterFlags, plan.common().splits().splitOf(groupKey), false);
        } else {
            Judgement.Pair pair = (Judgement.Pair) vote.judgement();
            Item left = items.get(pair.left());
            groupKey = GroupKey.of(left, pair.left());
            row = new ExportRow(shown, null, left, items.get(pair.right()), raterFlags,
                    plan.common().splits().splitOf(groupKey), false);
        }
        offer(row);
        if (derived != null && row.item() != null) {
            ExportRow pair = derived.offer(row, groupKey);
            if (pair != null) {
                offer(pair);
            }
        }
    }

    private void offer(ExportRow row) {
        String only = plan.common().split();
        if (only != null && !only.equals(row.split())) {
            if (!row.derived()) {
                exclude("other split");
            }
            return;
        }
        if (kinds.contains(row.vote().judgement().kind())) {
            ready.add(row);
        } else if (!row.derived()) {
            exclude(row.vote().judgement().kind() == VoteKind.PAIR ? "pair vote" : "binary vote");
        }
    }

    /** Counts a vote the options left out; only once, in the first pass, as the passes are identical. */
    private void exclude(String reason) {
        if (countExclusions) {
            tally.excluded(reason);
        }
    }

    /** Why the options leave this vote out, or null. */
    private String exclusion(Vote vote) {
        CommonOptions options = plan.common();
        if (options.since() != null && vote.receivedAt().isBefore(options.since())) {
            return "before since";
        }
        if (options.until() != null && !vote.receivedAt().isBefore(options.until())) {
            return "not before until";
        }
        if (options.model() != null && !madeBy(vote, options.model())) {
            return "other model";
        }
        if (options.minVotes() > 0 && !judgedEnough(vote, options.minVotes())) {
            return "item below minVotes";
        }
        return null;
    }

    private boolean madeBy(Vote vote, String model) {
        if (vote.judgement() instanceof Judgement.Binary binary) {
            return isModel(items.get(binary.item()), model);
        }
        Judgement.Pair pair = (Judgement.Pair) vote.judgement();
        return isModel(items.get(pair.left()), model) || isModel(items.get(pair.right()), model);
    }

    private static boolean isModel(Item item, String model) {
        return item != null && model.equals(item.provenance().model());
    }

    private boolean judgedEnough(Vote vote, int minVotes) {
        if (vote.judgement() instanceof Judgement.Binary binary) {
            return judgements.of(binary.item()) >= minVotes;
        }
        Judgement.Pair pair = (Judgement.Pair) vote.judgement();
        return judgements.of(pair.left()) >= minVotes && judgements.of(pair.right()) >= minVotes;
    }
}
