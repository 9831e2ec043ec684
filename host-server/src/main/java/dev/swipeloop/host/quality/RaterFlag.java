package dev.swipeloop.host.quality;

import java.time.Instant;

/**
 * One rule standing against one rater: a fact that exports list on the rater's rows and
 * rewards read before paying, so that a flagged rater's votes are reviewed rather than
 * silently dropped.
 *
 * @param code     the rule, one of {@link FlagRule#code()}: {@code too-fast},
 *                 {@code gold-accuracy}, {@code one-answer}, {@code same-side}, {@code daily-cap}
 * @param reason   one sentence for a person, with the numbers that raised the flag
 * @param sinceSeq the seq of the vote that raised the flag; the flag has stood since then
 * @param since    that vote's {@code receivedAt}
 */
public record RaterFlag(String code, String reason, long sinceSeq, Instant since) {
}
