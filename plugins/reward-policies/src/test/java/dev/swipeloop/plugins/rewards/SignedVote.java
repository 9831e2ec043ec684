package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.RaterSignals;

/** A committed vote with what the host's quality rules knew of its rater as of that vote. */
record SignedVote(Vote vote, RaterSignals signals) {
}
