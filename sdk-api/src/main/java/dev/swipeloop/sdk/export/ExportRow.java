package dev.swipeloop.sdk.export;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Vote;
import java.util.List;

/**
 * One vote with the items it is about: {@code item} for binary votes, {@code left} and
 * {@code right} (in the order shown) for pairs; the others are null. An item that no longer
 * exists is null as well.
 *
 * <p>{@code vote.rater()} is the export's rater pseudonym ({@code r_} and 16 hex digits, the
 * same for one rater in every export of the host), never the id the app sent: an export is
 * meant to leave the building. {@code raterFlags} are the rater-quality flags standing against
 * the rater (empty when none); exports keep flagged votes unless asked to leave them out.
 * {@code split} is the dataset split the host put the row in ({@code train} unless the run
 * asked for splits; every row of one prompt group lands in the same split). {@code derived}
 * marks a pair the host made from two binary votes of one rater on the same prompt group (a
 * like and a dislike), when the run asked for them; its vote id is derived from theirs.
 */
public record ExportRow(Vote vote, Item item, Item left, Item right, List<String> raterFlags, String split,
                        boolean derived) {

    public ExportRow {
        raterFlags = List.copyOf(raterFlags);
    }

    /** A row of the {@code train} split, no flags, not derived. */
    public ExportRow(Vote vote, Item item, Item left, Item right) {
        this(vote, item, left, right, List.of(), "train", false);
    }

    /** The prompt the vote is about: the item's, or the left image's for a pair. May be null. */
    public String prompt() {
        Item shown = item != null ? item : left;
        return shown == null ? null : shown.provenance().prompt();
    }
}
