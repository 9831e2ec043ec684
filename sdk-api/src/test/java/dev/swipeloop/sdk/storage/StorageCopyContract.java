package dev.swipeloop.sdk.storage;

import static dev.swipeloop.sdk.storage.StorageBackendContract.APP;
import static dev.swipeloop.sdk.storage.StorageBackendContract.OTHER_APP;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.goldItem;
import static dev.swipeloop.sdk.storage.StorageFixtures.instant;
import static dev.swipeloop.sdk.storage.StorageFixtures.item;
import static dev.swipeloop.sdk.storage.StorageFixtures.ledgerEntry;
import static dev.swipeloop.sdk.storage.StorageFixtures.pairVote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.RaterProfile;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The part of the storage contract that copying a database ({@code ./swipeloop migrate})
 * relies on: every item and rater profile paged through once in one order both databases
 * agree on, every cursor listed, and votes and ledger entries restored under their own seqs,
 * all or nothing. {@link StorageBackendContract} implements this interface, so every backend
 * runs it.
 */
public interface StorageCopyContract {
    /** Small, so that every listing here crosses several pages. */
    int COPY_PAGE = 3;

    /**
     * Ids whose UTF-8 byte order differs from a case-insensitive, a numeric and a Java
     * ({@code String.compareTo}, UTF-16) order: digits before upper case before '_' before
     * lower case, "a10" before "a2", and U+FFFD before an emoji (UTF-16 puts the emoji's
     * surrogates first).
     */
    List<String> AWKWARD_IDS = List.of("a2", "B", "a10", "_x", "-y", "0", "A1", "Z", "a", "é", "\uFFFD", "😀",
            "fox 7", "fox 10");

    StorageBackend storage();

    StorageBackend reopen();

    // ---- paging through items and profiles ---------------------------------------------------

    @Test
    default void itemsComeOnceEachInUtf8ByteOrderAcrossPagesWithEveryField() {
        StorageBackend storage = storage();
        List<Item> ours = new ArrayList<>();
        for (int i = 0; i < AWKWARD_IDS.size(); i++) {
            String id = AWKWARD_IDS.get(i);
            ours.add(i % 3 == 0 ? goldItem(APP, id, Verdict.values()[(i / 3) % 3]) : item(APP, id));
        }
        storage.upsertItems(ours);
        storage.upsertItems(List.of(item(OTHER_APP, "a3"), item(OTHER_APP, "0")));

        List<Item> expected = ours.stream().sorted(Comparator.comparing(Item::id, StorageCopyContract::utf8Order))
                .toList();
        assertEquals(expected, pages(after -> storage.itemsAfter(APP, after, COPY_PAGE), Item::id),
                "every item once, the other app's none");
        assertEquals(expected.subList(5, 7), storage.itemsAfter(APP, expected.get(4).id(), 2));
        assertEquals(List.of(), storage.itemsAfter(APP, expected.get(expected.size() - 1).id(), COPY_PAGE));
        assertEquals(List.of(), storage.itemsAfter("no-such-app", "", COPY_PAGE));
    }

    @Test
    default void raterProfilesComeOnceEachInUtf8ByteOrderAcrossPages() {
        StorageBackend storage = storage();
        List<RaterProfile> ours = new ArrayList<>();
        for (int i = 0; i < AWKWARD_IDS.size(); i++) {
            RaterProfile profile = new RaterProfile(APP, AWKWARD_IDS.get(i), i % 2 == 0 ? "Name " + i : null,
                    i % 3 != 0, instant());
            storage.saveRaterProfile(profile);
            ours.add(profile);
        }
        storage.saveRaterProfile(new RaterProfile(OTHER_APP, "a3", "Elsewhere", true, instant()));

        List<RaterProfile> expected = ours.stream()
                .sorted(Comparator.comparing(RaterProfile::rater, StorageCopyContract::utf8Order)).toList();
        assertEquals(expected, pages(after -> storage.raterProfilesAfter(APP, after, COPY_PAGE), RaterProfile::rater));
        assertEquals(expected.subList(1, 3), storage.raterProfilesAfter(APP, expected.get(0).rater(), 2));
        assertEquals(List.of(), storage.raterProfilesAfter(OTHER_APP, "a3", COPY_PAGE));
    }

    // ---- cursors ----------------------------------------------------------------------------------

    @Test
    default void everySavedCursorIsListedWithItsSeqPerAppOnly() {
        StorageBackend storage = storage();
        assertEquals(Map.of(), storage.exportCursors(APP));
        assertEquals(Map.of(), storage.ledgerCursors(APP));

        storage.saveExportCursor(APP, "nightly", 12);
        storage.saveExportCursor(APP, "weekly", 3);
        storage.saveExportCursor(APP, "nightly", 15);
        storage.saveExportCursor(OTHER_APP, "hourly", 7);
        storage.appendLedger(List.of(ledgerEntry(APP, "ann", 5, null)), APP, "rewards", 0, 9);
        storage.saveLedgerCursor(APP, "webhooks", 1);
        storage.saveLedgerCursor(OTHER_APP, "webhooks", 4);

        StorageBackend reopened = reopen();
        assertEquals(Map.of("nightly", 15L, "weekly", 3L), reopened.exportCursors(APP));
        assertEquals(Map.of("hourly", 7L), reopened.exportCursors(OTHER_APP));
        assertEquals(Map.of("rewards", 9L, "webhooks", 1L), reopened.ledgerCursors(APP));
        assertEquals(Map.of("webhooks", 4L), reopened.ledgerCursors(OTHER_APP));
        assertEquals(Map.of(), reopened.exportCursors("no-such-app"));
    }

    // ---- restoring votes ----------------------------------------------------------------------

    @Test
    default void restoredVotesReadBackExactlyAndLaterAppendsGoAboveThem() {
        StorageBackend storage = storage();
        storage.upsertItems(List.of(item(APP, "i0"), item(APP, "i1"), item(APP, "i2")));
        List<Vote> restored = List.of(
                binaryVote(APP, "ann", "i0").withVerified(true).withSeq(5),
                pairVote(APP, "ann", "i1", "i2", Choice.TIE).withSeq(9),
                binaryVote(APP, "bob", "i1", Verdict.DISLIKE).withSeq(10),
                pairVote(APP, "bob", "i0", "i2", Choice.LEFT).withVerified(true).withSeq(42));
        Vote elsewhere = StorageFixtures.sameIdIn(OTHER_APP, restored.get(0)).withSeq(43);

        storage.restoreVotes(restored);
        storage.restoreVotes(List.of(elsewhere));

        StorageBackend reopened = reopen();
        assertEquals(restored, StorageAssertions.allVotes(reopened, APP), "seqs, times and every field as given");
        assertEquals(List.of(elsewhere), StorageAssertions.allVotes(reopened, OTHER_APP),
                "the same id in another app is another vote");
        assertEquals(42, reopened.lastSeq(APP));
        assertEquals(4, reopened.stats(APP).votes());
        assertEquals(2, reopened.rater(APP, "ann").orElseThrow().votes());
        assertEquals(List.of("i2", "i1"), reopened.deck(APP, "ann", VoteKind.BINARY, 10).stream().map(Item::id)
                .toList(), "restored votes count as judged: no item again for ann, and i1 (bob's) after unjudged i2");
        assertEquals(List.of("i1"), reopened.deck(APP, "bob", VoteKind.PAIR, 10).stream().map(Item::id).toList());

        long next = reopened.appendVotes(List.of(binaryVote(APP, "cy", "i0"))).seq(0);
        assertTrue(next > 43, "seq " + next + " is not above the restored 43");
        assertEquals(AppendResult.DUPLICATE,
                reopened.appendVotes(List.of(restored.get(1).withSeq(0))).seq(0), "a restored id is a known id");
    }

    @Test
    default void restoringASeqOrIdThatIsStoredIsAConflictAndWritesNothing() {
        StorageBackend storage = storage();
        AppendResult appended = storage.appendVotes(List.of(binaryVote(APP, "ann", "i0"), binaryVote(APP, "ann", "i1")));
        List<Vote> before = StorageAssertions.allVotes(storage, APP);
        long top = appended.seq(1);
        Vote fresh = binaryVote(APP, "bob", "i0").withSeq(top + 1);

        assertThrows(ConflictException.class,
                () -> storage.restoreVotes(List.of(fresh, binaryVote(APP, "bob", "i1").withSeq(appended.seq(0)))),
                "a seq that is taken");
        assertThrows(ConflictException.class,
                () -> storage.restoreVotes(List.of(fresh, before.get(1).withSeq(top + 2))), "an id that is stored");
        assertThrows(ConflictException.class,
                () -> storage.restoreVotes(List.of(fresh, binaryVote(APP, "cy", "x").withSeq(top + 1))),
                "one seq twice in the call");

        assertEquals(before, StorageAssertions.allVotes(storage, APP), "nothing of a refused call is stored");
        storage.restoreVotes(List.of(fresh));
        assertEquals(fresh, storage.votesAfter(APP, top, COPY_PAGE).get(0), "the seq was left free");
    }

    // ---- restoring the ledger -----------------------------------------------------------------

    @Test
    default void restoredEntriesReadBackExactlyAndLaterEntriesGoAboveThem() {
        StorageBackend storage = storage();
        LedgerEntry vesting = ledgerEntry(APP, "ann", 10, UuidV7.next());
        vesting = new LedgerEntry(vesting.appId(), vesting.rater(), vesting.policy(), vesting.points(),
                vesting.reason(), vesting.voteId(), vesting.at(), 3, vesting.at().plus(7, ChronoUnit.DAYS));
        List<LedgerEntry> restored = List.of(vesting, ledgerEntry(APP, "bob", -2, null).withSeq(8),
                ledgerEntry(APP, "ann", 1, null).withSeq(30));
        LedgerEntry elsewhere = ledgerEntry(OTHER_APP, "ann", 4, null).withSeq(31);

        storage.restoreLedger(restored);
        storage.restoreLedger(List.of(elsewhere));

        StorageBackend reopened = reopen();
        assertEquals(restored, reopened.ledgerAfter(APP, 0, 10), "seqs, vesting times and every field as given");
        assertEquals(List.of(restored.get(0), restored.get(2)), reopened.ledger(APP, "ann"));
        assertEquals(List.of(elsewhere), reopened.ledgerAfter(OTHER_APP, 0, 10));
        long next = reopened.appendLedger(List.of(ledgerEntry(APP, "cy", 1, null))).get(0).seq();
        assertTrue(next > 31, "seq " + next + " is not above the restored 31");

        assertThrows(ConflictException.class, () -> reopened.restoreLedger(List.of(
                ledgerEntry(APP, "dee", 1, null).withSeq(next + 1), ledgerEntry(APP, "dee", 2, null).withSeq(8))));
        assertEquals(List.of(), reopened.ledger(APP, "dee"), "nothing of a refused call is stored");
    }

    /**
     * Every element through {@code page} ("" first, then after the last key of each page), checking
     * that each page holds at most {@link #COPY_PAGE} and that keys strictly increase in UTF-8 order.
     */
    private static <T> List<T> pages(Function<String, List<T>> page, Function<T, String> key) {
        List<T> all = new ArrayList<>();
        String after = "";
        while (true) {
            List<T> next = page.apply(after);
            assertTrue(next.size() <= COPY_PAGE, "a page holds at most the limit");
            if (next.isEmpty()) {
                return all;
            }
            for (T element : next) {
                assertTrue(utf8Order(key.apply(element), after) > 0, key.apply(element) + " came after " + after);
                after = key.apply(element);
            }
            all.addAll(next);
        }
    }

    private static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
