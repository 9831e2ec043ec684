package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.RaterSignals;

/**
 * The rater signals rewards are paid on. A verified vote is judged by its rater's verified
 * votes alone: anybody with the publishable key can send tokenless votes under a verified
 * rater's id, and those must not flag the rater (too fast, wrong gold answers, over the daily
 * cap) and so cost them their points. An anonymous vote is judged by every vote under its id,
 * as the app's quality report judges it.
 *
 * <p>Feed every vote in seq order after the app's own {@link RaterQuality} has observed it;
 * not thread-safe, like {@link RaterQuality}.
 */
public final class RewardSignals {
    private final RaterQuality all;
    private final RaterQuality verified;

    /** @param all the app's rater quality, fed every vote before this is */
    public RewardSignals(RaterQuality all) {
        this.all = all;
        this.verified = new RaterQuality(all.settings());
    }

    /** Counts the vote among its rater's verified votes when it is one. */
    public void observe(Vote vote, GoldLookup gold) {
        if (vote.verified()) {
            verified.observe(vote, gold);
        }
    }

    /** The signals as of {@code vote}, which was observed last. */
    public RaterSignals signals(Vote vote) {
        return (vote.verified() ? verified : all).signals(vote);
    }
}
