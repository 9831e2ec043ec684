package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Vote;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One rater's votes per UTC day (by {@code receivedAt}) and the days they went over the cap.
 * The {@code daily-cap} flag stands while the capped day is today; the capped days stay
 * listed after that, so the history can be reviewed.
 *
 * <p>Only the rater's latest day is counted, which keeps the state small. Votes arrive in seq
 * order, which follows {@code receivedAt} up to one group commit, so a vote dated before the
 * latest day can only be a straggler from just before midnight; it is not added to any day.
 */
final class DailyCapCheck {
    private long latestDay = Long.MIN_VALUE;
    private int votesThatDay;
    private List<CappedDay> cappedDays;

    void observe(Vote vote, QualitySettings settings) {
        long day = epochDay(vote.receivedAt());
        if (day < latestDay) {
            return;
        }
        if (day > latestDay) {
            latestDay = day;
            votesThatDay = 0;
        }
        votesThatDay++;
        if (votesThatDay == settings.dailyCap() + 1) {
            if (cappedDays == null) {
                cappedDays = new ArrayList<>(1);
            }
            cappedDays.add(new CappedDay(LocalDate.ofEpochDay(day), votesThatDay, vote.seq(), vote.receivedAt()));
        } else if (votesThatDay > settings.dailyCap()) {
            CappedDay today = cappedDays.get(cappedDays.size() - 1);
            cappedDays.set(cappedDays.size() - 1,
                    new CappedDay(today.day(), votesThatDay, today.sinceSeq(), today.since()));
        }
    }

    private static long epochDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay();
    }

    int votesOn(Instant now) {
        return epochDay(now) == latestDay ? votesThatDay : 0;
    }

    List<CappedDay> cappedDays() {
        return cappedDays == null ? List.of() : List.copyOf(cappedDays);
    }

    boolean standing(Instant now, QualitySettings settings) {
        return epochDay(now) == latestDay && votesThatDay > settings.dailyCap();
    }

    /** The flag when the rater went over the cap on the UTC day of {@code now}, else null. */
    RaterFlag flag(Instant now, QualitySettings settings) {
        if (!standing(now, settings)) {
            return null;
        }
        CappedDay today = cappedDays.get(cappedDays.size() - 1);
        return new RaterFlag(FlagRule.DAILY_CAP.code(), String.format(Locale.ROOT,
                "%d votes on %s (UTC), more than the daily cap of %d.", today.votes(), today.day(),
                settings.dailyCap()), today.sinceSeq(), today.since());
    }
}
