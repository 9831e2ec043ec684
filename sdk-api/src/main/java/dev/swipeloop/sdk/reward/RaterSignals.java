package dev.swipeloop.sdk.reward;

import java.util.List;

/**
 * What the host's rater-quality rules knew about the vote's rater at the moment the vote was
 * counted (its own vote included), given to {@link RewardPolicy#onVote}. Because they are as
 * of that vote and not of now, a replay of the same votes sees the same signals and the
 * ledger comes out the same.
 *
 * @param verified     the vote came with a valid rater token for this rater
 * @param flags        codes of the flags standing against the rater ({@code too-fast},
 *                     {@code gold-accuracy}, {@code one-answer}, {@code same-side},
 *                     {@code daily-cap}); empty when none
 * @param votes        the rater's votes so far, this one included
 * @param goldAnswered gold (honeypot) answers that count, skips excluded
 * @param goldCorrect  the right ones among them
 */
public record RaterSignals(boolean verified, List<String> flags, int votes, int goldAnswered, int goldCorrect) {
    public RaterSignals {
        flags = List.copyOf(flags);
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }
}
