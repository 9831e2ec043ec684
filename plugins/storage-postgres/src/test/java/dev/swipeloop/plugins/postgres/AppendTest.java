package dev.swipeloop.plugins.postgres;

import static dev.swipeloop.sdk.storage.StorageFixtures.app;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.StorageAssertions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How appends draw each app's seqs (from the app's own counter, taken back when a retried vote
 * sends the batch again) and write the votes (by COPY, whose text format escapes).
 */
class AppendTest {
    private static final long DUP = AppendResult.DUPLICATE;
    private final TestSchemas schemas = new TestSchemas("append");
    private PostgresStorage storage;

    @BeforeEach
    void start() {
        storage = TestSchemas.start(schemas.fresh());
        storage.createApp(app("app-a"));
        storage.createApp(app("app-b"));
    }

    @AfterEach
    void stop() {
        storage.close();
        schemas.dropAll();
    }

    @Test
    void eachAppCountsItsOwnSeqsFromOne() {
        AppendResult result = storage.appendVotes(List.of(binaryVote("app-b", "ann", "x"),
                binaryVote("app-a", "ann", "x"), binaryVote("app-b", "bob", "x"), binaryVote("never-created", "cy", "x")));
        assertArrayEquals(new long[] {1, 1, 2, 1}, result.seqs(), "an app this schema never created gets a counter too");
    }

    @Test
    void aRetriedVoteCostsOnlyItsOwnSeqAndTheOtherAppsDrawAgain() {
        Vote known = binaryVote("app-b", "bob", "x");
        storage.appendVotes(List.of(binaryVote("app-a", "ann", "x"), binaryVote("app-a", "ann", "y"), known));
        Vote a3 = binaryVote("app-a", "cy", "x");
        Vote a4 = binaryVote("app-a", "cy", "y");
        Vote b2 = binaryVote("app-b", "cy", "x");

        // app-a's insert succeeds first, app-b's fails on the known id: the whole batch is sent again
        AppendResult retried = storage.appendVotes(List.of(a3, known, a4, b2));

        assertArrayEquals(new long[] {3, DUP, 4, 3}, retried.seqs(),
                "app-a's seqs 3 and 4 were drawn again after the rollback; app-b's 2 went to the known vote");
        assertEquals(List.of(a3.withSeq(3), a4.withSeq(4)), StorageAssertions.allVotes(storage, "app-a").subList(2, 4));
        assertEquals(5, storage.appendVotes(List.of(binaryVote("app-a", "dee", "x"))).seq(0));
    }

    @Test
    void textThatCopysFormatWouldReadAsSeparatorsOrEscapesIsStoredAsSent() {
        String odd = "tab\there, line\nbreak, return\r, back\\slash, \\N, \\t, ünïcödé ✓";
        Vote binary = new Vote(UUID.randomUUID(), "app-a", "rater " + odd, "session " + odd,
                new Judgement.Binary("item " + odd, Verdict.LIKE), 1234,
                Instant.parse("2026-11-27T10:00:00.123456Z"), 0, Instant.parse("2026-11-27T10:00:01.654321Z"), true);
        Vote pair = new Vote(UUID.randomUUID(), "app-a", "\\", null, new Judgement.Pair("left\t", "\\right", Choice.TIE),
                null, null, 0, Instant.parse("2026-11-27T10:00:02Z"), false);

        AppendResult result = storage.appendVotes(List.of(binary, pair));

        assertEquals(List.of(binary.withSeq(result.seq(0)), pair.withSeq(result.seq(1))),
                StorageAssertions.allVotes(storage, "app-a"));
    }

    @Test
    void emojiOnTheBoundaryOfTheDriversCopyChunksIsStoredAsSent() {
        // the driver encodes a text it is given in chunks of 65,536 chars: a surrogate pair cut
        // between two chunks would be stored as "?"
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String emoji = "😀🎉🐍".repeat(14 + i % 3);
            votes.add(new Vote(UUID.randomUUID(), "app-a", "rater #" + i + emoji, "session-" + i + emoji,
                    new Judgement.Binary("item-" + i, Verdict.LIKE), null, null, 0,
                    Instant.parse("2026-11-27T10:00:00Z"), false));
        }
        assertTrue(Character.isHighSurrogate(VoteCopy.rows("app-a", votes, 1, 0).charAt(65_535)),
                "the fixture puts an emoji across char 65,536 of the COPY text");

        AppendResult result = storage.appendVotes(votes);

        List<Vote> expected = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            expected.add(votes.get(i).withSeq(result.seq(i)));
        }
        List<Vote> stored = StorageAssertions.allVotes(storage, "app-a");
        assertEquals(votes.size(), stored.size());
        assertEquals(List.of(), stored.stream().filter(vote -> !expected.contains(vote)).toList(), "votes stored altered");
    }
}
