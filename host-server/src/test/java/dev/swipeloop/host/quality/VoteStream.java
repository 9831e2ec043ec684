package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Stored votes as the lead feeds them: seq from 1 upwards, receivedAt one second apart unless moved. */
final class VoteStream {
    static final Instant START = Instant.parse("2026-05-04T10:00:00Z");

    private long seq;
    private Instant clock = START;

    Vote binary(String rater, String item, Verdict verdict, Integer dwellMs) {
        return next(rater, new Judgement.Binary(item, verdict), dwellMs);
    }

    Vote pair(String rater, String left, String right, Choice choice, Integer dwellMs) {
        return next(rater, new Judgement.Pair(left, right, choice), dwellMs);
    }

    /** Moves the clock so that the next vote is received at {@code at}. */
    void receiveNextAt(Instant at) {
        clock = at;
    }

    Instant now() {
        return clock;
    }

    private Vote next(String rater, Judgement judgement, Integer dwellMs) {
        seq++;
        Vote vote = new Vote(new UUID(0, seq), "memes", rater, null, judgement, dwellMs, null, seq, clock);
        clock = clock.plus(Duration.ofSeconds(1));
        return vote;
    }
}
