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

/**
 * Makes pairs from binary votes: when one rater liked one image and disliked another of the
 * same prompt group, that is a preference between the two, as a pair vote would have given
 * (Pick-a-Pic style trainers need pairs; TRL itself never derives them, so this is off unless
 * asked and every such row is marked {@code derived}).
 *
 * <p>Each rater and group keeps its latest unpaired like and dislike; a pair is made as soon as
 * both exist, and uses them up. Which image is shown left is decided by a hash of the two vote
 * ids, so the derived rows carry no position bias and every export derives the same rows. The
 * open (rater, group) entries are bounded: a like and a dislike further apart than
 * {@value #OPEN_KEYS} other open entries are not paired, which keeps memory constant.
 */
final class DerivedPairs {
    static final int OPEN_KEYS = 100_000;

    private record Open(ExportRow like, ExportRow dislike) {
    }

    private final Map<String, Open> open = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Open> eldest) {
            return size() > OPEN_KEYS;
        }
    };

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
        Open current = open.getOrDefault(key, new Open(null, null));
        Open next = verdict == Verdict.LIKE ? new Open(row, current.dislike()) : new Open(current.like(), row);
        if (next.like() == null || next.dislike() == null
                || next.like().item().id().equals(next.dislike().item().id())) {
            open.put(key, next);
            return null;
        }
        open.remove(key);
        return pair(next.like(), next.dislike(), row);
    }

    private static ExportRow pair(ExportRow like, ExportRow dislike, ExportRow latest) {
        UUID id = derivedId(like.vote().id(), dislike.vote().id());
        boolean likedOnLeft = (id.getLeastSignificantBits() & 1) == 0;
        Item left = likedOnLeft ? like.item() : dislike.item();
        Item right = likedOnLeft ? dislike.item() : like.item();
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
