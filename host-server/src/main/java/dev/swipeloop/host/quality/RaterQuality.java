package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.RaterSignals;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rater-quality rules for one app's raters: flag with reasons, never drop. A flag is a
 * fact that other parts read (exports list it on the rater's rows and can leave the rater
 * out; rewards refuse the rater's points); the votes themselves stay as they are.
 *
 * <p>The rules, each documented on its setting in {@link QualitySettings}: {@code too-fast}
 * (too many recent votes under a dwell threshold; stands once raised), {@code gold-accuracy}
 * (too many wrong gold answers; stands while so), {@code one-answer} and {@code same-side}
 * (one answer or one side for nearly everything; stand while so) and {@code daily-cap}
 * (over the cap on the current UTC day).
 *
 * <p>Feed it every stored vote of the app, in seq order, one at a time ({@link #observe}).
 * When votes are deleted or the settings change, build a new one (or {@link #reset()}) and
 * feed the votes again from the first. State is a few hundred bytes per rater whatever the
 * number of votes (about 27 MB for 100,000 raters, rater ids included, measured on JDK 17).
 *
 * <p>Not thread-safe: the caller serialises every call for one app (one lock per app), the
 * queries included.
 */
public final class RaterQuality {
    private final QualitySettings settings;
    private final Map<String, RaterState> raters = new HashMap<>();
    private final FlagRateAlarm alarm;
    private long lastSeq;

    public RaterQuality(QualitySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.alarm = FlagRateAlarm.of(settings);
    }

    public QualitySettings settings() {
        return settings;
    }

    /**
     * Applies one stored vote to its rater's state, then counts it for the flag-rate alarm with
     * the rules standing against the rater at that point (so the vote that raises a flag counts
     * as flagged, like every vote from {@link RaterFlag#sinceSeq()} on).
     *
     * @param gold the app's gold items, asked about the vote's item or items
     * @throws IllegalArgumentException when the vote is not stored ({@code seq} 0, no
     *                                  {@code receivedAt}) or does not come after the last one
     *                                  observed: counting a vote twice would skew every rule
     */
    public void observe(Vote vote, GoldLookup gold) {
        if (vote.seq() <= lastSeq || vote.receivedAt() == null) {
            throw new IllegalArgumentException("Vote " + vote.id() + " (seq " + vote.seq() + ", receivedAt "
                    + vote.receivedAt() + ") cannot be observed after seq " + lastSeq
                    + ": feed stored votes in seq order, each once, and reset() before feeding them again.");
        }
        lastSeq = vote.seq();
        RaterState state = raters.computeIfAbsent(vote.rater(), rater -> new RaterState());
        state.observe(vote, gold, settings);
        alarm.observe(state.standing(vote.receivedAt(), settings));
    }

    /** The seq of the last vote observed, 0 before the first: feed from the vote after it. */
    public long lastSeq() {
        return lastSeq;
    }

    /** The flags standing against the rater at {@code now}, in {@link FlagRule} order; empty when none or unknown. */
    public List<RaterFlag> flags(String rater, Instant now) {
        RaterState state = raters.get(rater);
        return state == null ? List.of() : List.copyOf(state.flags(now, settings));
    }

    public boolean flagged(String rater, Instant now) {
        RaterState state = raters.get(rater);
        return state != null && !state.standing(now, settings).isEmpty();
    }

    /** Every rater who voted, in no order. */
    public List<String> raterIds() {
        return List.copyOf(raters.keySet());
    }

    /** When the rater's latest vote arrived; null for a rater never seen. */
    public Instant lastVoteAt(String rater) {
        RaterState state = raters.get(rater);
        return state == null ? null : state.lastVoteAt();
    }

    public RaterReport report(String rater, Instant now) {
        RaterState state = raters.get(rater);
        return state == null
                ? new RaterReport(rater, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of())
                : state.report(rater, now, settings);
    }

    /**
     * What reward policies are told of the vote's rater: call right after {@link #observe} of
     * that vote, so the signals are as of it (the flags standing at its receivedAt).
     */
    public RaterSignals signals(Vote vote) {
        RaterState state = raters.get(vote.rater());
        return state == null ? new RaterSignals(vote.verified(), List.of(), 0, 0, 0)
                : state.signals(vote.verified(), vote.receivedAt(), settings);
    }

    /** How many raters have voted. */
    public int raters() {
        return raters.size();
    }

    /** How many raters have a flag standing at {@code now}; looks at every rater. */
    public long flaggedRaters(Instant now) {
        return raters.values().stream().filter(state -> !state.standing(now, settings).isEmpty()).count();
    }

    /** The flag-rate alarms standing now (see {@link FlagRateAlarm}). */
    public List<FlagRateAlarm.Alarm> alarms() {
        return alarm.alarms();
    }

    /** Forgets every rater and alarm window, to feed the votes again from the first. */
    public void reset() {
        raters.clear();
        alarm.reset();
        lastSeq = 0;
    }
}
