package dev.swipeloop.host.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daily cap at its default: more than 1,000 votes in one UTC day. */
class DailyCapRuleTest {
    private final RaterQuality quality = new RaterQuality(QualitySettings.DEFAULTS);
    private final VoteStream votes = new VoteStream();

    /** Votes slowly and in a mix, so that no other rule fires. */
    private Vote vote(int times) {
        Vote last = null;
        for (int i = 0; i < times; i++) {
            last = votes.binary("ana", "meme-" + i, i % 2 == 0 ? Verdict.LIKE : Verdict.DISLIKE, 2500);
            quality.observe(last, GoldLookup.NONE);
        }
        return last;
    }

    @Test
    void theCapItselfIsAllowedAndOneMoreFlagsTheDay() {
        votes.receiveNextAt(Instant.parse("2026-05-04T00:00:00Z"));
        vote(1000);
        assertFalse(quality.flagged("ana", votes.now()));
        assertEquals(1000, quality.report("ana", votes.now()).votesToday());

        Vote over = vote(1);
        List<RaterFlag> flags = quality.flags("ana", votes.now());
        assertEquals(1, flags.size(), flags.toString());
        assertEquals("daily-cap", flags.get(0).code());
        assertEquals("1001 votes on 2026-05-04 (UTC), more than the daily cap of 1000.", flags.get(0).reason());
        assertEquals(over.seq(), flags.get(0).sinceSeq());
        assertEquals(over.receivedAt(), flags.get(0).since());
    }

    @Test
    void theFlagEndsWithTheUtcDayButTheCappedDayStaysInTheReport() {
        votes.receiveNextAt(Instant.parse("2026-05-04T23:00:00Z"));
        Vote over = vote(1001);
        vote(9);
        Instant lastSecondOfTheDay = Instant.parse("2026-05-04T23:59:59.999999Z");
        assertTrue(quality.flagged("ana", lastSecondOfTheDay));
        assertTrue(quality.flags("ana", lastSecondOfTheDay).get(0).reason().startsWith("1010 votes on 2026-05-04"));

        Instant nextDay = Instant.parse("2026-05-05T00:00:00Z");
        assertFalse(quality.flagged("ana", nextDay), "yesterday's cap no longer stands");
        RaterReport report = quality.report("ana", nextDay);
        assertEquals(0, report.votesToday());
        assertEquals(List.of(new CappedDay(LocalDate.parse("2026-05-04"), 1010, over.seq(), over.receivedAt())),
                report.cappedDays());
    }

    @Test
    void eachUtcDayIsCountedFromZero() {
        votes.receiveNextAt(Instant.parse("2026-05-04T23:50:00Z"));
        vote(600);
        votes.receiveNextAt(Instant.parse("2026-05-05T00:00:00Z"));
        vote(600);
        assertFalse(quality.flagged("ana", votes.now()), "1,200 votes in an hour, but 600 on each UTC day");
        assertEquals(600, quality.report("ana", votes.now()).votesToday());
        assertEquals(List.of(), quality.report("ana", votes.now()).cappedDays());
    }

    @Test
    void everyCappedDayIsKept() {
        votes.receiveNextAt(Instant.parse("2026-05-04T08:00:00Z"));
        vote(1001);
        votes.receiveNextAt(Instant.parse("2026-05-05T08:00:00Z"));
        vote(10);
        votes.receiveNextAt(Instant.parse("2026-05-07T08:00:00Z"));
        vote(1500);
        RaterReport report = quality.report("ana", votes.now());
        assertEquals(List.of(LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-07")),
                report.cappedDays().stream().map(CappedDay::day).toList());
        assertEquals(List.of(1001, 1500), report.cappedDays().stream().map(CappedDay::votes).toList());
        assertEquals(List.of("daily-cap"), report.flags().stream().map(RaterFlag::code).toList());
    }

    @Test
    void aStragglerFromBeforeMidnightDoesNotCountTowardsTheNewDay() {
        votes.receiveNextAt(Instant.parse("2026-05-05T00:00:00Z"));
        vote(1000);
        votes.receiveNextAt(Instant.parse("2026-05-04T23:59:59.9Z"));
        vote(1);
        assertFalse(quality.flagged("ana", Instant.parse("2026-05-05T01:00:00Z")));
        assertEquals(1001, quality.report("ana", Instant.parse("2026-05-05T01:00:00Z")).votes());
        assertEquals(1000, quality.report("ana", Instant.parse("2026-05-05T01:00:00Z")).votesToday());
    }
}
