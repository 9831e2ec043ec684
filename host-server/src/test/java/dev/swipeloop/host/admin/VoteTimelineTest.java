package dev.swipeloop.host.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.testing.TestClock;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VoteTimelineTest {
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T13:05:30Z"));
    final VoteTimeline timeline = new VoteTimeline(clock);
    long seq;

    void binary(String receivedAt, Verdict verdict) {
        feed(new Vote(UUID.randomUUID(), "app", "r", null, new Judgement.Binary("a", verdict), null, null, ++seq,
                Instant.parse(receivedAt)));
    }

    void pair(String receivedAt) {
        feed(new Vote(UUID.randomUUID(), "app", "r", null, new Judgement.Pair("a", "b", Choice.LEFT), null, null, ++seq,
                Instant.parse(receivedAt)));
    }

    /** As a board does: asks first, then tells. */
    void feed(Vote vote) {
        if (timeline.wants(vote.appId(), vote.seq())) {
            timeline.counted(vote, null);
        }
    }

    @Test
    void everyMinuteAndHourIsThereOldestFirstWithZeros() {
        timeline.rebuilding("app", 0);
        binary("2026-11-20T13:59:59Z", Verdict.LIKE); // more than 7 days ago: in the totals only
        binary("2026-11-27T11:15:00Z", Verdict.DISLIKE);
        binary("2026-11-27T13:04:01Z", Verdict.LIKE);
        binary("2026-11-27T13:05:00Z", Verdict.LIKE);
        binary("2026-11-27T13:05:29Z", Verdict.SKIP);
        pair("2026-11-27T13:05:29.900Z");

        VoteTimeline.Snapshot now = timeline.snapshot("app");
        assertEquals(6, now.asOfSeq());
        assertEquals(3, now.likes());
        assertEquals(1, now.dislikes());
        assertEquals(60, now.perMinute().size());
        assertEquals(Instant.parse("2026-11-27T12:06:00Z"), now.perMinute().get(0).t());
        assertEquals(Instant.parse("2026-11-27T13:05:00Z"), now.perMinute().get(59).t());
        assertEquals(3, now.perMinute().get(59).votes(), "the current minute: like, skip and pair");
        assertEquals(1, now.perMinute().get(58).votes());
        assertEquals(4, now.perMinute().stream().mapToLong(VoteTimeline.Minute::votes).sum());
        assertEquals(3, now.votesLastMinute(), "13:04:31 to 13:05:30, not the one of 13:04:01");

        assertEquals(168, now.perHour().size());
        assertEquals(Instant.parse("2026-11-20T14:00:00Z"), now.perHour().get(0).t());
        VoteTimeline.Hour current = now.perHour().get(167);
        assertEquals(Instant.parse("2026-11-27T13:00:00Z"), current.t());
        assertEquals(new VoteTimeline.Hour(current.t(), 4, 2, 0), current);
        assertEquals(new VoteTimeline.Hour(Instant.parse("2026-11-27T11:00:00Z"), 1, 0, 1), now.perHour().get(165));
        assertEquals(0, now.perHour().get(166).votes());
    }

    @Test
    void timeMovingOnEmptiesTheOldBucketsAndTheLastMinute() {
        binary("2026-11-27T13:05:10Z", Verdict.LIKE);
        clock.advance(Duration.ofMinutes(59));
        VoteTimeline.Snapshot later = timeline.snapshot("app");
        assertEquals(0, later.votesLastMinute());
        assertEquals(1, later.perMinute().get(0).votes(), "13:05 is the oldest minute of the window now");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, timeline.snapshot("app").perMinute().stream().mapToLong(VoteTimeline.Minute::votes).sum());

        binary("2026-11-27T14:05:40Z", Verdict.DISLIKE); // the slot 13:05 used is taken over by 14:05
        binary("2026-11-27T13:05:20Z", Verdict.LIKE); // a late one for a minute out of the window: dropped there
        VoteTimeline.Snapshot now = timeline.snapshot("app");
        assertEquals(1, now.perMinute().get(59).votes());
        assertEquals(new VoteTimeline.Hour(Instant.parse("2026-11-27T13:00:00Z"), 2, 2, 0), now.perHour().get(166),
                "the hour still counts it");
        assertEquals(2, now.likes());
    }

    @Test
    void aRebuiltBoardIsNotCountedTwiceButAnErasureStartsOver() {
        timeline.rebuilding("app", 3);
        binary("2026-11-27T13:05:00Z", Verdict.LIKE);
        binary("2026-11-27T13:05:01Z", Verdict.LIKE);
        timeline.rebuilding("app", 3); // new settings: the board counts its votes again
        assertFalse(timeline.wants("app", 1));
        assertFalse(timeline.wants("app", 2));
        assertTrue(timeline.wants("app", 3));
        assertEquals(2, timeline.snapshot("app").perMinute().get(59).votes());

        timeline.rebuilding("app", 4); // a rater was erased: the votes come again, without theirs
        seq = 0;
        binary("2026-11-27T13:05:01Z", Verdict.LIKE);
        VoteTimeline.Snapshot after = timeline.snapshot("app");
        assertEquals(1, after.perMinute().get(59).votes());
        assertEquals(1, after.likes());
        assertEquals(1, after.asOfSeq());
    }

    @Test
    void anAppWithoutVotesHasZerosEverywhere() {
        VoteTimeline.Snapshot none = timeline.snapshot("quiet");
        assertEquals(0, none.asOfSeq());
        assertEquals(60, none.perMinute().size());
        assertEquals(168, none.perHour().size());
        assertTrue(none.perHour().stream().allMatch(hour -> hour.votes() == 0));
    }
}
