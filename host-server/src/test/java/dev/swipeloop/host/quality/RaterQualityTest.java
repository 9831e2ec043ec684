package dev.swipeloop.host.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How RaterQuality takes votes and answers for raters; the rules themselves have their own tests. */
class RaterQualityTest {
    private final RaterQuality quality = new RaterQuality(QualitySettings.DEFAULTS);
    private final VoteStream votes = new VoteStream();

    private void fastVotes(String rater, int times) {
        for (int i = 0; i < times; i++) {
            quality.observe(votes.binary(rater, "m" + i, i % 2 == 0 ? Verdict.LIKE : Verdict.DISLIKE, 100), GoldLookup.NONE);
        }
    }

    @Test
    void anUnknownRaterHasNoFlagsAndAnEmptyReport() {
        assertEquals(List.of(), quality.flags("nobody", votes.now()));
        assertFalse(quality.flagged("nobody", votes.now()));
        RaterReport report = quality.report("nobody", votes.now());
        assertEquals("nobody", report.rater());
        assertEquals(0, report.votes());
        assertEquals(List.of(), report.flags());
    }

    @Test
    void ratersAreKeptApart() {
        fastVotes("spammer", 4);
        quality.observe(votes.binary("honest", "m", Verdict.LIKE, 2000), GoldLookup.NONE);
        assertTrue(quality.flagged("spammer", votes.now()));
        assertFalse(quality.flagged("honest", votes.now()));
        assertEquals(2, quality.raters());
        assertEquals(1, quality.flaggedRaters(votes.now()));
    }

    @Test
    void aVoteAtOrBeforeTheLastSeqIsRefusedSoNothingIsCountedTwice() {
        Vote first = votes.binary("ana", "m", Verdict.LIKE, 2000);
        quality.observe(first, GoldLookup.NONE);
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> quality.observe(first, GoldLookup.NONE));
        assertTrue(again.getMessage().contains("seq 1") && again.getMessage().contains("reset()"), again.getMessage());
        assertEquals(1, quality.report("ana", votes.now()).votes());
        assertEquals(1, quality.lastSeq());
    }

    @Test
    void aVoteNotYetStoredIsRefused() {
        Vote unstored = new Vote(UUID.randomUUID(), "memes", "ana", null, new Judgement.Binary("m", Verdict.LIKE),
                2000, null, 0, null);
        assertThrows(IllegalArgumentException.class, () -> quality.observe(unstored, GoldLookup.NONE));
        assertEquals(0, quality.raters());
    }

    @Test
    void resetForgetsEverythingForARebuild() {
        fastVotes("spammer", 4);
        quality.reset();
        assertEquals(0, quality.raters());
        assertEquals(0, quality.lastSeq());
        assertFalse(quality.flagged("spammer", votes.now()));
        Vote replayed = new Vote(new UUID(0, 1), "memes", "spammer", null, new Judgement.Binary("m", Verdict.LIKE),
                100, null, 1, votes.now());
        quality.observe(replayed, GoldLookup.NONE);
        assertEquals(1, quality.report("spammer", votes.now()).votes());
    }

    @Test
    void observedVotesFeedTheFlagRateAlarm() {
        RaterQuality small = new RaterQuality(new QualitySettings(10, 4, 400, 8, 0.75, 50, 0.95, 1000, 10, 1, 2.0, 0.10));
        for (int i = 0; i < 10; i++) {
            small.observe(votes.binary("honest" + i, "m", Verdict.LIKE, 2000), GoldLookup.NONE);
        }
        for (int i = 0; i < 10; i++) {
            small.observe(votes.binary("clicker", "m" + i, Verdict.LIKE, 100), GoldLookup.NONE);
        }
        List<FlagRateAlarm.Alarm> alarms = small.alarms();
        assertEquals(List.of("too-fast"), alarms.stream().map(FlagRateAlarm.Alarm::rule).toList());
        assertEquals(0.7, alarms.get(0).recentRate(), 1e-9, "votes 4 to 10 of the clicker came after the flag");
        assertEquals(0.0, alarms.get(0).baselineRate(), 1e-9);
    }
}
