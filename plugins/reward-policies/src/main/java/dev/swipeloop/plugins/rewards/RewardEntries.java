package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Vote;
import java.time.Instant;

/**
 * Ledger entries as the policies write them: for the vote's app and rater, tied to the vote that
 * caused them (bonuses, clawbacks and tier announcements too), seq 0 for storage to assign.
 */
final class RewardEntries {
    private RewardEntries() {
    }

    /** An entry that vests when it is made. */
    static LedgerEntry vested(String policy, Vote vote, long points, String reason, Instant at) {
        return new LedgerEntry(vote.appId(), vote.rater(), policy, points, reason, vote.id(), at, 0);
    }

    /** An entry whose points vest at {@code vestsAt}. */
    static LedgerEntry vesting(String policy, Vote vote, long points, String reason, Instant at, Instant vestsAt) {
        return new LedgerEntry(vote.appId(), vote.rater(), policy, points, reason, vote.id(), at, 0, vestsAt);
    }
}
