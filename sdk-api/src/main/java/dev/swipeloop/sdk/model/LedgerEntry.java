package dev.swipeloop.sdk.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One append-only reward record. Points may be negative (a clawback). {@code voteId} is the
 * vote that earned or caused it (a streak bonus, a clawback or a tier announcement names the
 * vote that brought it), or null for an entry no vote caused.
 * {@code seq} is assigned by storage, like a vote's.
 *
 * <p>{@code vestsAt} is when the points become the rater's to keep (a policy with a vesting
 * delay, so that a rater flagged meanwhile loses them); null means at {@code at}. Points
 * count towards tiers and leaderboards once vested; before, they are shown as pending.
 */
public record LedgerEntry(String appId, String rater, String policy, long points, String reason,
                          UUID voteId, Instant at, long seq, Instant vestsAt) {

    /** An entry that vests when it is made. */
    public LedgerEntry(String appId, String rater, String policy, long points, String reason,
                       UUID voteId, Instant at, long seq) {
        this(appId, rater, policy, points, reason, voteId, at, seq, null);
    }

    /** When the points vest: {@code vestsAt}, or {@code at} when it has none. */
    public Instant vestingTime() {
        return vestsAt != null ? vestsAt : at;
    }

    /** Whether the points are vested at {@code time}. */
    public boolean vestedAt(Instant time) {
        Instant vesting = vestingTime();
        return vesting == null || !vesting.isAfter(time);
    }

    public LedgerEntry withSeq(long newSeq) {
        return new LedgerEntry(appId, rater, policy, points, reason, voteId, at, newSeq, vestsAt);
    }
}
