package dev.swipeloop.host.export;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Makes pairs from binary votes: when one rater liked one image and disliked another of the
 * same prompt group, that is a preference between the two, as a pair vote would have given
 * (Pick-a-Pic style trainers need pairs; TRL itself never derives them, so this is off unless
 * asked and every such row is marked {@code derived}).
 *
 * <p>Each rater and group keeps its latest unpaired like and dislike; a pair is made as soon as
 * both exist, and uses them up. Which image is shown left is decided by a hash of the two vote
 * ids, so the derived rows carry no position bias and every export derives the same rows. The
 * open (rater, group) entries are bounded, and each keeps only two vote ids and two item ids (the
 * items are looked up again when a pair completes): a like and a dislike further apart than
 * {@value #OPEN_KEYS} other open entries are not paired, which keeps memory constant.
 */
final class DerivedPairs {
    static final int OPEN_KEYS = 100_000;

    /** One unpaired vote: its id and the item it judged. */
    private record Side(UUID vote, String item) {
    }

    private record Open(Side like, Side dislike) {
    }

    private final Function<String, Item> items;

    private final Map<String, Open> open = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Open> eldest) {
            return size() > OPEN_KEYS;
        }
    };

    /** @param items finds an item by id (from the export's cache, or storage) when a pair completes */
    DerivedPairs(Function<String, Item> items) {
        this.items = items;
    }

    /**
     * Takes a binary row (rater already pseudonymised) and its group key; returns the derived
     * pair it completes, or null.
     */
    ExportRow offer(ExportRow row, String groupKey) {
        Verdict verdict = ((Judgement.Binary) row.vote().judgement()).verdict();
        if (verdict == Verdict.SKIP || row.item() == null) {
            return null;
        }
        String key = row.vote().rater() + '\u0000' + groupKey;
        Side side = new Side(row.vote().id(), row.item().id());
        Open current = open.getOrDefault(key, new Open(null, null));
        Open next = verdict == Verdict.LIKE ? new Open(side, current.dislike()) : new Open(current.like(), side);
        if (next.like() == null || next.dislike() == null || next.like().item().equals(next.dislike().item())) {
            open.put(key, next);
            return null;
        }
        Item liked = verdict == Verdict.LIKE ? row.item() : items.apply(next.like().item());
        Item disliked = verdict == Verdict.DISLIKE ? row.item() : items.apply(next.dislike().item());
        open.remove(key);
        if (liked == null || disliked == null) {
            return null;
        }
        return pair(next.like().vote(), liked, next.dislike().vote(), disliked, row);
    }

    private static ExportRow pair(UUID likeVote, Item liked, UUID dislikeVote, Item disliked, ExportRow latest) {
        UUID id = derivedId(likeVote, dislikeVote);
        boolean likedOnLeft = (id.getLeastSignificantBits() & 1) == 0;
        Item left = likedOnLeft ? liked : disliked;
        Item right = likedOnLeft ? disliked : liked;
        Vote last = latest.vote();
        Vote vote = new Vote(id, last.appId(), last.rater(), last.session(),
                new Judgement.Pair(left.id(), right.id(), likedOnLeft ? Choice.LEFT : Choice.RIGHT),
                null, null, last.seq(), last.receivedAt());
        return new ExportRow(vote, null, left, right, latest.raterFlags(), latest.split(), true);
    }

    /** A name-based UUID of the two votes, the same in every export. */
    static UUID derivedId(UUID like, UUID dislike) {
        ByteBuffer both = ByteBuffer.allocate(32);
        both.putLong(like.getMostSignificantBits()).putLong(like.getLeastSignificantBits())
                .putLong(dislike.getMostSignificantBits()).putLong(dislike.getLeastSignificantBits());
        return UUID.nameUUIDFromBytes(both.array());
    }
}
