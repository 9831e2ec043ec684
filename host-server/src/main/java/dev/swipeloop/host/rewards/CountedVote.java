package dev.swipeloop.host.rewards;

import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.RaterSignals;

/** A committed vote waiting to be paid, with its rater's signals as of that vote. */
record CountedVote(Vote vote, RaterSignals signals) {
}
