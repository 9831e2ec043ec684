package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.RaterSignals;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Votes and rater signals for policy tests; ids follow from the vote, so two runs build equal votes. */
final class TestVotes {
    static final String APP = "app_1";
    /** Monday 2026-05-04 00:00 UTC: tests count days from here. */
    static final Instant DAY_1 = Instant.parse("2026-05-04T00:00:00Z");

    private TestVotes() {
    }

    /** {@code hours} after the start of day {@code day} (day 1 is {@link #DAY_1}). */
    static Instant at(int day, double hours) {
        return DAY_1.plusSeconds((day - 1) * 86_400L + Math.round(hours * 3600));
    }

    static Vote binary(String rater, Verdict verdict, Instant at) {
        return vote(rater, new Judgement.Binary("item-" + at.getEpochSecond(), verdict), at);
    }

    static Vote like(String rater, Instant at) {
        return binary(rater, Verdict.LIKE, at);
    }

    static Vote skip(String rater, Instant at) {
        return binary(rater, Verdict.SKIP, at);
    }

    static Vote pair(String rater, Choice choice, Instant at) {
        return vote(rater, new Judgement.Pair("left-" + at.getEpochSecond(), "right-" + at.getEpochSecond(), choice), at);
    }

    private static Vote vote(String rater, Judgement judgement, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((rater + "|" + at + "|" + judgement).getBytes(StandardCharsets.UTF_8));
        return new Vote(id, APP, rater, "session", judgement, 900, at, 0, at, true);
    }

    /** A verified rater with no flag and no gold answers yet. */
    static RaterSignals clean() {
        return gold(0, 0);
    }

    static RaterSignals gold(int answered, int correct) {
        return new RaterSignals(true, List.of(), answered + 1, answered, correct);
    }

    static RaterSignals flagged(String... codes) {
        return new RaterSignals(true, List.of(codes), 1, 0, 0);
    }
}
