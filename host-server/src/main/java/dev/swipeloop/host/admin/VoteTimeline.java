package dev.swipeloop.host.admin;

import dev.swipeloop.host.ranking.VoteTap;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.RaterSignals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The overview's votes over time, per app: the last 60 seconds, every minute of the last hour and
 * every hour of the last 7 days (votes, and likes and dislikes per hour), bucketed by the
 * {@code receivedAt} the host stamped on each vote, plus the binary answers ever.
 *
 * <p>It listens where every committed vote already passes: the score boards' {@link VoteTap},
 * told of each vote once as the boards fold new votes in seq order (every second in the
 * background, or at once when a request catches a board up). A board is built from the app's
 * first vote when the host starts, so after a restart these counts are rebuilt from storage,
 * exactly; votes already counted are skipped by seq when a board is rebuilt for new settings, and
 * everything is counted again when a rater was erased. Memory is bounded: a few fixed rings per
 * app, whatever the number of votes.
 */
public final class VoteTimeline implements VoteTap {
    /** Votes that arrived in the minute starting at {@code t}. */
    public record Minute(Instant t, long votes) {
    }

    /** Votes, likes and dislikes that arrived in the hour starting at {@code t}. */
    public record Hour(Instant t, long votes, long likes, long dislikes) {
    }

    /**
     * The app's counts: {@code asOfSeq} is the last vote counted; {@code likes} and
     * {@code dislikes} are every binary answer ever; the lists run oldest first and hold every
     * minute (60) and hour (168), zeros included, up to the current one.
     */
    public record Snapshot(long asOfSeq, long likes, long dislikes, long votesLastMinute, List<Minute> perMinute,
                           List<Hour> perHour) {
    }

    private final Clock clock;
    private final Map<String, AppTimeline> apps = new ConcurrentHashMap<>();

    public VoteTimeline(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean wants(String appId, long seq) {
        AppTimeline app = apps.get(appId);
        return app == null || seq > app.lastSeq();
    }

    @Override
    public void counted(Vote vote, RaterSignals signals) {
        app(vote.appId()).count(vote, clock.instant());
    }

    @Override
    public void rebuilding(String appId, long erasures) {
        app(appId).rebuilding(erasures);
    }

    /** The app's counts now; all zeros for an app without votes. */
    public Snapshot snapshot(String appId) {
        return app(appId).snapshot(clock.instant());
    }

    private AppTimeline app(String appId) {
        return apps.computeIfAbsent(appId, id -> new AppTimeline());
    }
}
