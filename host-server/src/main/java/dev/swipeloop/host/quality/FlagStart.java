package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Vote;
import java.time.Instant;

/** The vote from which a standing flag has held: kept so that reviewers know where to start. */
record FlagStart(long seq, Instant at) {
    static FlagStart of(Vote vote) {
        return new FlagStart(vote.seq(), vote.receivedAt());
    }

    RaterFlag flag(FlagRule rule, String reason) {
        return new RaterFlag(rule.code(), reason, seq, at);
    }
}
