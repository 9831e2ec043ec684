package dev.swipeloop.host.ranking;

import dev.swipeloop.host.scoring.Interval;
import dev.swipeloop.host.scoring.Wilson;
import dev.swipeloop.host.settings.AppSettings.DeckSettings;
import dev.swipeloop.sdk.model.VoteKind;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How well an app's votes know each of some items, for dealing decks: in binary mode the
 * likes and dislikes and the Wilson interval of the like rate; in pair mode the pairs won, lost
 * or tied and the Wilson interval of the share won (a tie half). An item nobody judged yet is
 * known not at all: no votes, interval [0, 1]. Read from a board at most one refresh old.
 */
public final class Knowledge {
    /** What is known of one item: votes of the kind and the interval they give. */
    public record Known(long votes, double lower, double upper) {
        public static final Known NOTHING = new Known(0, 0, 1);

        public double width() {
            return upper - lower;
        }

        /**
         * Whether the votes settled this item's score (enough votes, or an interval narrow
         * enough), so another vote teaches little and learning decks retire it.
         */
        public boolean settled(DeckSettings settings) {
            return (settings.retireVotes() > 0 && votes >= settings.retireVotes())
                    || (settings.retireWidth() > 0 && votes > 0 && width() <= settings.retireWidth());
        }
    }

    private final ScoreBoards boards;

    public Knowledge(ScoreBoards boards) {
        this.boards = boards;
    }

    public Map<String, Known> of(String appId, VoteKind kind, Collection<String> itemIds) {
        AppBoard board = boards.recent(appId);
        double z = board.settings().ranking().z();
        return board.read(b -> {
            Map<String, Known> known = new HashMap<>();
            for (String id : itemIds) {
                int item = b.catalogue.indexOf(id);
                known.put(id, item < 0 ? Known.NOTHING : known(b.itemTally, item, kind, z));
            }
            return known;
        });
    }

    static Known known(Tally tally, int item, VoteKind kind, double z) {
        return kind == VoteKind.BINARY ? fromCounts(tally.likes(item), tally.decided(item), z)
                : fromCounts(tally.wins(item) + tally.ties(item) / 2, tally.compared(item), z);
    }

    /**
     * What {@code successes} of {@code votes} tell (likes of likes and dislikes; pairs won, a tie
     * counted half rounded down, of pairs compared): the Wilson interval at {@code z}.
     */
    public static Known fromCounts(long successes, long votes, double z) {
        if (votes == 0) {
            return Known.NOTHING;
        }
        Interval interval = Wilson.interval(successes, votes, z);
        return new Known(votes, interval.lower(), interval.upper());
    }
}
