package dev.swipeloop.host.ranking;

import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.RaterSignals;

/**
 * Told of each vote as a score board counts it, with what the rater-quality rules knew of its
 * rater at that moment. Rewards listen here: the board already runs the rules over every vote in
 * seq order, so the signals a reward policy sees are exact as of its vote, without a second pass
 * over the votes. Called under the board's write lock: both methods must be quick.
 */
public interface VoteTap {
    /** Whether {@link #counted} is wanted for this vote (a board rebuilt after an erasure counts old votes again). */
    boolean wants(String appId, long seq);

    void counted(Vote vote, RaterSignals signals);

    /**
     * The app's board is rebuilt from its first vote; {@code erasures} is the storage's erasure
     * count ({@code StorageBackend#erasures}) read before any of its votes. When it changed since
     * the last rebuild, a rater was erased (through this host or another): what was told before
     * may hold their votes and is to be forgotten, as every vote is counted again now.
     */
    void rebuilding(String appId, long erasures);
}
