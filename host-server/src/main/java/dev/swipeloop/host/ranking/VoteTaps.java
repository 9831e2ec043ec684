package dev.swipeloop.host.ranking;

import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.RaterSignals;
import java.util.List;

/** Several {@link VoteTap}s as one: each is told of the votes it wants, and of every rebuild. */
public final class VoteTaps implements VoteTap {
    private final List<VoteTap> taps;

    private VoteTaps(List<VoteTap> taps) {
        this.taps = taps;
    }

    public static VoteTap of(VoteTap... taps) {
        return new VoteTaps(List.of(taps));
    }

    @Override
    public boolean wants(String appId, long seq) {
        for (VoteTap tap : taps) {
            if (tap.wants(appId, seq)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void counted(Vote vote, RaterSignals signals) {
        for (VoteTap tap : taps) {
            if (tap.wants(vote.appId(), vote.seq())) {
                tap.counted(vote, signals);
            }
        }
    }

    @Override
    public void rebuilding(String appId, long erasures) {
        for (VoteTap tap : taps) {
            tap.rebuilding(appId, erasures);
        }
    }
}
