package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Vote;
import java.util.Locale;

/**
 * One rater's speed rule: over the latest n votes that carry a dwell time, at least k under
 * the threshold raise {@code too-fast}. Votes without a dwell time neither count as fast nor
 * push older votes out of the window, since they say nothing about speed.
 *
 * <p>Once raised, the flag stays with the numbers and the vote that raised it, even when
 * the rater slows down: the point is that the votes around it get reviewed. The window is
 * one {@code long} of fast/not-fast bits, newest in bit 0.
 */
final class TooFastCheck {
    private long fastBits;
    private int votesInWindow;
    private RaterFlag raised;

    void observe(Vote vote, QualitySettings settings) {
        if (vote.dwellMs() == null) {
            return;
        }
        int n = settings.fastWindowVotes();
        long keep = n == 64 ? -1L : (1L << n) - 1;
        boolean fast = vote.dwellMs() < settings.fastDwellMs();
        fastBits = ((fastBits << 1) | (fast ? 1 : 0)) & keep;
        votesInWindow = Math.min(votesInWindow + 1, n);
        int fastVotes = fastVotesInWindow();
        if (raised == null && fastVotes >= settings.fastVotesToFlag()) {
            raised = FlagStart.of(vote).flag(FlagRule.TOO_FAST, String.format(Locale.ROOT,
                    "%d of the last %d votes with a dwell time were under %d ms (flagged at %d).",
                    fastVotes, votesInWindow, settings.fastDwellMs(), settings.fastVotesToFlag()));
        }
    }

    int fastVotesInWindow() {
        return Long.bitCount(fastBits);
    }

    int votesInWindow() {
        return votesInWindow;
    }

    /** The flag, or null when the rater was never too fast. */
    RaterFlag flag() {
        return raised;
    }
}
