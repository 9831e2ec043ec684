package dev.swipeloop.host.admin;

import dev.swipeloop.host.admin.VoteTimeline.Hour;
import dev.swipeloop.host.admin.VoteTimeline.Minute;
import dev.swipeloop.host.admin.VoteTimeline.Snapshot;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One app's votes by the second, minute and hour of their arrival ({@code receivedAt}) over the
 * windows the overview shows, and its binary answers ever. The rings are made with the app's
 * first vote inside the window (about 5 KB), so apps idle for a week cost a few counters.
 */
final class AppTimeline {
    static final int SECONDS = 60;
    static final int MINUTES = 60;
    static final int HOURS = 7 * 24;

    private volatile long lastSeq;
    private long erasures = -1;
    private long likes;
    private long dislikes;
    private CountRing seconds;
    private CountRing minutes;
    private CountRing hours;

    long lastSeq() {
        return lastSeq;
    }

    /**
     * The app's board is counted again from its first vote. When a rater was erased since the
     * last rebuild ({@code count} moved), what was counted may hold their votes: start over.
     * Otherwise the votes already counted are skipped by their seq.
     */
    synchronized void rebuilding(long count) {
        if (erasures >= 0 && count != erasures) {
            lastSeq = 0;
            likes = 0;
            dislikes = 0;
            seconds = null;
            minutes = null;
            hours = null;
        }
        erasures = count;
    }

    synchronized void count(Vote vote, Instant now) {
        if (vote.seq() <= lastSeq) {
            return;
        }
        lastSeq = vote.seq();
        Verdict verdict = vote.judgement() instanceof Judgement.Binary binary ? binary.verdict() : null;
        if (verdict == Verdict.LIKE) {
            likes++;
        } else if (verdict == Verdict.DISLIKE) {
            dislikes++;
        }
        Instant at = vote.receivedAt();
        if (at == null || at.getEpochSecond() < now.getEpochSecond() - (HOURS + 1) * 3600L) {
            return;
        }
        if (hours == null) {
            seconds = new CountRing(SECONDS, false);
            minutes = new CountRing(MINUTES, false);
            hours = new CountRing(HOURS, true);
        }
        long second = at.getEpochSecond();
        seconds.add(second, verdict);
        minutes.add(Math.floorDiv(second, 60), verdict);
        hours.add(Math.floorDiv(second, 3600), verdict);
    }

    /** The counts as of {@code now}: every minute and hour of the windows, oldest first, zeros included. */
    synchronized Snapshot snapshot(Instant now) {
        long second = now.getEpochSecond();
        long minute = Math.floorDiv(second, 60);
        long hour = Math.floorDiv(second, 3600);
        long lastMinute = 0;
        if (seconds != null) {
            for (long s = second - SECONDS + 1; s <= second; s++) {
                lastMinute += seconds.votes(s);
            }
        }
        List<Minute> perMinute = new ArrayList<>(MINUTES);
        for (long m = minute - MINUTES + 1; m <= minute; m++) {
            perMinute.add(new Minute(Instant.ofEpochSecond(m * 60), minutes == null ? 0 : minutes.votes(m)));
        }
        List<Hour> perHour = new ArrayList<>(HOURS);
        for (long h = hour - HOURS + 1; h <= hour; h++) {
            perHour.add(hours == null ? new Hour(Instant.ofEpochSecond(h * 3600), 0, 0, 0)
                    : new Hour(Instant.ofEpochSecond(h * 3600), hours.votes(h), hours.likes(h), hours.dislikes(h)));
        }
        return new Snapshot(lastSeq, likes, dislikes, lastMinute, perMinute, perHour);
    }
}
