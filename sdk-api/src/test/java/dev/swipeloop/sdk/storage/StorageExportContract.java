package dev.swipeloop.sdk.storage;

import static dev.swipeloop.sdk.storage.StorageBackendContract.APP;
import static dev.swipeloop.sdk.storage.StorageBackendContract.OTHER_APP;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.goldItem;
import static dev.swipeloop.sdk.storage.StorageFixtures.item;
import static dev.swipeloop.sdk.storage.StorageFixtures.items;
import static dev.swipeloop.sdk.storage.StorageFixtures.mixedVotes;
import static dev.swipeloop.sdk.storage.StorageFixtures.pairVote;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The part of the storage contract that exports rely on: items looked up a page at a time,
 * exact vote counts per item (for the minimum-votes filter), and named cursors that survive a
 * restart. {@link StorageBackendContract} implements this interface, so every backend's
 * contract test runs these tests too, with the same fresh data directory and two apps.
 */
public interface StorageExportContract {

    /** The backend under test; changes after {@link #reopen()}. */
    StorageBackend storage();

    /** Closes the backend and opens the same data again, as a host restart does. */
    StorageBackend reopen();

    // ---- where an export ends ----------------------------------------------------------------

    @Test
    default void lastSeqIsTheAppsHighestSeq() {
        StorageBackend storage = storage();
        assertEquals(0, storage.lastSeq(APP));
        long[] seqs = storage.appendVotes(List.of(binaryVote(APP, "ann", "a"), binaryVote(APP, "bob", "b"))).seqs();
        storage.appendVotes(List.of(binaryVote(OTHER_APP, "cy", "c")));
        assertEquals(seqs[1], storage.lastSeq(APP), "the other app's later vote is not this app's");
        assertEquals(storage.stats(APP).lastSeq(), storage.lastSeq(APP));
    }

    // ---- items, many at a time -----------------------------------------------------------

    @Test
    default void itemsFindsTheAppsItemsWithEveryFieldAndLeavesOutTheRest() {
        StorageBackend storage = storage();
        Item full = item(APP, "fox");
        Item bare = goldItem(APP, "honeypot", Verdict.LIKE);
        Item theirs = item(OTHER_APP, "fox");
        storage.upsertItems(List.of(full, bare, theirs, item(OTHER_APP, "only-theirs")));

        assertEquals(Map.of("fox", full, "honeypot", bare),
                storage.items(APP, List.of("fox", "missing", "honeypot", "only-theirs", "fox")));
        assertEquals(Map.of("fox", theirs), storage.items(OTHER_APP, List.of("fox", "honeypot")));
        assertEquals(Map.of(), storage.items(APP, List.of()));
        assertEquals(Map.of(), storage.items(APP, List.of("missing")));
    }

    /** More ids than some databases bind in one statement (999 in SQLite before 3.32). */
    @Test
    default void itemsAnswersAPageOfThousandsOfIds() {
        StorageBackend storage = storage();
        List<Item> catalogue = items(APP, "item-", 1_234);
        storage.upsertItems(catalogue);
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            asked.add(catalogue.get(i).id());
            if (i % 10 == 0) {
                asked.add("missing-" + i);
            }
        }

        Map<String, Item> found = storage.items(APP, asked);
        assertEquals(catalogue.size(), found.size(), "every existing item, no missing one");
        for (Item expected : catalogue) {
            assertEquals(expected, found.get(expected.id()));
        }
    }

    // ---- votes per item ------------------------------------------------------------------

    @Test
    default void judgementsCountEveryVoteOnAnItemRightAfterTheAppend() {
        StorageBackend storage = storage();
        storage.upsertItems(items(APP, "i", 4));
        storage.upsertItems(items(OTHER_APP, "i", 4));
        List<String> asked = List.of("i0", "i1", "i2", "i3", "ghost", "missing");
        assertEquals(Map.of("i0", 0L, "i1", 0L, "i2", 0L, "i3", 0L), storage.judgements(APP, asked),
                "items without votes count 0; ids without an item are left out");

        storage.appendVotes(List.of(
                binaryVote(APP, "alice", "i0", Verdict.LIKE),
                binaryVote(APP, "bob", "i0", Verdict.SKIP),
                binaryVote(APP, "carol", "i1", Verdict.DISLIKE),
                pairVote(APP, "alice", "i0", "i2", Choice.LEFT),
                pairVote(APP, "bob", "i2", "i1", Choice.SKIP),
                binaryVote(APP, "dave", "ghost"),
                binaryVote(OTHER_APP, "alice", "i0"),
                binaryVote(OTHER_APP, "bob", "i0"),
                pairVote(OTHER_APP, "alice", "i3", "i0", Choice.TIE)));

        assertEquals(Map.of("i0", 3L, "i1", 2L, "i2", 2L, "i3", 0L), storage.judgements(APP, asked),
                "both kinds, skips included, a pair for each of its items, nothing of the other app");
        assertEquals(Map.of("i0", 3L, "i3", 1L), storage.judgements(OTHER_APP, List.of("i0", "i3", "i0")));
        assertEquals(Map.of(), storage.judgements(APP, List.of()));
    }

    @Test
    default void judgementsLoseADeletedRatersVotesAndKeepTheRestAcrossARestart() {
        StorageBackend storage = storage();
        storage.upsertItems(items(APP, "i", 3));
        storage.upsertItems(items(OTHER_APP, "i", 3));
        storage.appendVotes(List.of(binaryVote(APP, "alice", "i0"), binaryVote(APP, "bob", "i0"),
                pairVote(APP, "alice", "i1", "i2", Choice.RIGHT), pairVote(APP, "bob", "i2", "i1", Choice.TIE),
                binaryVote(OTHER_APP, "alice", "i0")));
        List<String> asked = List.of("i0", "i1", "i2");
        assertEquals(Map.of("i0", 2L, "i1", 2L, "i2", 2L), storage.judgements(APP, asked));

        assertEquals(2, storage.deleteRater(APP, "alice"));
        Map<String, Long> withoutAlice = Map.of("i0", 1L, "i1", 1L, "i2", 1L);
        assertEquals(withoutAlice, storage.judgements(APP, asked), "alice's votes no longer count");
        assertEquals(Map.of("i0", 1L, "i1", 0L), storage.judgements(OTHER_APP, List.of("i0", "i1")),
                "the other app's alice is another rater");

        StorageBackend restarted = reopen();
        assertEquals(withoutAlice, restarted.judgements(APP, asked), "each vote counted once after a restart");
        restarted.appendVotes(List.of(binaryVote(APP, "carol", "i1", Verdict.SKIP)));
        assertEquals(Map.of("i0", 1L, "i1", 2L, "i2", 1L), restarted.judgements(APP, asked));
    }

    /** Checked after every append, so whatever a backend does in the background, it is never seen. */
    @Test
    default void judgementsStayExactThroughManyAppends() {
        StorageBackend storage = storage();
        storage.upsertItems(items(APP, "item", 12));
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            expected.put("item" + i, 0L);
        }
        for (int call = 0; call < 30; call++) {
            List<Vote> batch = mixedVotes(APP, 40, call);
            storage.appendVotes(batch);
            for (Vote vote : batch) {
                countInto(expected, vote);
            }
            assertEquals(expected, storage.judgements(APP, expected.keySet()), "after append " + call);
        }
    }

    private static void countInto(Map<String, Long> counts, Vote vote) {
        if (vote.judgement() instanceof Judgement.Pair pair) {
            counts.merge(pair.left(), 1L, Long::sum);
            if (!pair.right().equals(pair.left())) {
                counts.merge(pair.right(), 1L, Long::sum);
            }
        } else {
            counts.merge(((Judgement.Binary) vote.judgement()).item(), 1L, Long::sum);
        }
    }

    // ---- named export cursors ------------------------------------------------------------

    @Test
    default void anExportCursorIsEmptyUntilSavedThenPointsWhereItWasLastSaved() {
        StorageBackend storage = storage();
        assertEquals(OptionalLong.empty(), storage.exportCursor(APP, "nightly"));
        storage.saveExportCursor(APP, "nightly", 42);
        assertEquals(OptionalLong.of(42), storage.exportCursor(APP, "nightly"));
        storage.saveExportCursor(APP, "nightly", 1_000);
        assertEquals(OptionalLong.of(1_000), storage.exportCursor(APP, "nightly"));
        storage.saveExportCursor(APP, "nightly", 7);
        assertEquals(OptionalLong.of(7), storage.exportCursor(APP, "nightly"), "pointed back, to export again");
        assertEquals(OptionalLong.empty(), storage.exportCursor(APP, "weekly"), "another name is another cursor");
    }

    @Test
    default void exportCursorsAreTheAppsOwn() {
        StorageBackend storage = storage();
        storage.saveExportCursor(APP, "nightly", 42);
        assertEquals(OptionalLong.empty(), storage.exportCursor(OTHER_APP, "nightly"));
        storage.saveExportCursor(OTHER_APP, "nightly", 5);
        assertEquals(OptionalLong.of(42), storage.exportCursor(APP, "nightly"));
        assertEquals(OptionalLong.of(5), storage.exportCursor(OTHER_APP, "nightly"));
    }

    @Test
    default void anExportResumesFromItsSavedCursorAfterARestart() {
        StorageBackend storage = storage();
        AppendResult delivered = storage.appendVotes(mixedVotes(APP, 5, 0));
        long cursor = delivered.seq(4);
        storage.saveExportCursor(APP, "hf daily/v1", cursor);
        storage.saveExportCursor(OTHER_APP, "hf daily/v1", 3);

        StorageBackend restarted = reopen();
        assertEquals(OptionalLong.of(cursor), restarted.exportCursor(APP, "hf daily/v1"));
        assertEquals(OptionalLong.of(3), restarted.exportCursor(OTHER_APP, "hf daily/v1"));
        List<Vote> later = mixedVotes(APP, 3, 1);
        List<Vote> stored = StorageAssertions.storedAs(later, restarted.appendVotes(later));
        assertEquals(stored, restarted.votesAfter(APP, restarted.exportCursor(APP, "hf daily/v1").getAsLong(),
                StorageAssertions.PAGE), "the next run gets exactly the votes after the cursor");
    }
}
