package dev.swipeloop.sdk.storage;

import static dev.swipeloop.sdk.storage.StorageBackendContract.APP;
import static dev.swipeloop.sdk.storage.StorageBackendContract.OTHER_APP;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.pairVote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.RaterProfile;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.LeaderboardRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The part of the storage contract that contributor rewards rely on: verified votes, vesting
 * ledger entries, the ledger cursors that keep two hosts from paying for the same votes, the
 * app's ledger page by page, the sums behind app-wide caps and leaderboards, rater profiles
 * and signing-secret rotation. {@link StorageBackendContract} implements this interface, so
 * every backend runs it.
 */
public interface StorageRewardsContract {

    StorageBackend storage();

    StorageBackend reopen();

    // ---- verified votes and vesting ---------------------------------------------------------

    @Test
    default void aVotesVerifiedMarkReadsBackAsItWasStored() {
        Vote vouched = binaryVote(APP, "ann", "i0").withVerified(true);
        Vote anonymous = binaryVote(APP, "ann", "i1");
        Vote vouchedPair = pairVote(APP, "bob", "i0", "i1", Choice.RIGHT).withVerified(true);
        List<Vote> votes = List.of(vouched, anonymous, vouchedPair);
        List<Vote> expected = StorageAssertions.storedAs(votes, storage().appendVotes(votes));

        assertEquals(expected, StorageAssertions.allVotes(reopen(), APP));
        assertEquals(List.of(true, false, true), expected.stream().map(Vote::verified).toList());
    }

    @Test
    default void anEntrysVestingTimeReadsBackAndNoneStaysNone() {
        LedgerEntry vestsInAWeek = vesting(entry(APP, "ann", 10, minutes(1)), minutes(60 * 24 * 7));
        LedgerEntry immediate = entry(APP, "ann", 2, minutes(2));
        List<LedgerEntry> stored = storage().appendLedger(List.of(vestsInAWeek, immediate));

        assertEquals(List.of(vestsInAWeek.withSeq(stored.get(0).seq()), immediate.withSeq(stored.get(1).seq())), stored);
        assertEquals(stored, reopen().ledger(APP, "ann"));
        assertEquals(stored, storage().ledgerAfter(APP, 0, 10));
        assertEquals(null, storage().ledger(APP, "ann").get(1).vestsAt());
    }

    // ---- ledger cursors -----------------------------------------------------------------------

    @Test
    default void aCursorNeverMovedIsAtZeroAndMovesWithTheEntriesItPaidFor() {
        StorageBackend storage = storage();
        assertEquals(0, storage.ledgerCursor(APP, "rewards"));
        List<LedgerEntry> input = List.of(entry(APP, "ann", 5, minutes(1)), entry(APP, "bob", 1, minutes(1)));

        List<LedgerEntry> stored = storage.appendLedger(input, APP, "rewards", 0, 7);

        assertEquals(2, stored.size());
        StorageAssertions.assertStrictlyIncreasing(stored.stream().mapToLong(LedgerEntry::seq).toArray());
        assertEquals(input.get(0).withSeq(stored.get(0).seq()), stored.get(0), "returned as given, plus its seq");
        assertEquals(7, storage.ledgerCursor(APP, "rewards"));
        assertEquals(List.of(), storage.appendLedger(List.of(), APP, "rewards", 7, 9),
                "votes that earned nothing still move the cursor");
        assertEquals(9, reopen().ledgerCursor(APP, "rewards"));
        assertEquals(stored, storage().ledgerAfter(APP, 0, 10));
    }

    @Test
    default void aStaleCursorIsAConflictAndWritesNeitherEntriesNorCursor() {
        StorageBackend storage = storage();
        List<LedgerEntry> first = storage.appendLedger(List.of(entry(APP, "ann", 5, minutes(1))), APP, "rewards", 0, 4);

        assertThrows(ConflictException.class, () -> storage.appendLedger(
                List.of(entry(APP, "ann", 5, minutes(1)), entry(APP, "bob", 5, minutes(1))), APP, "rewards", 0, 4),
                "a second host replaying votes 1..4 must not pay for them again");
        assertThrows(ConflictException.class,
                () -> storage.appendLedger(List.of(entry(APP, "ann", 5, minutes(2))), APP, "rewards", 6, 8),
                "a cursor ahead of the ledger is as wrong as one behind");

        assertEquals(4, storage.ledgerCursor(APP, "rewards"));
        assertEquals(first, storage.ledgerAfter(APP, 0, 10));
        assertEquals(List.of(), storage.ledger(APP, "bob"));
        storage.appendLedger(List.of(entry(APP, "bob", 1, minutes(3))), APP, "rewards", 4, 6);
        assertEquals(2, storage.ledgerAfter(APP, 0, 10).size(), "the cursor where it is still works");
    }

    @Test
    default void cursorsOfOtherAppsAndOtherNamesAreOtherCursors() {
        StorageBackend storage = storage();
        storage.appendLedger(List.of(), APP, "rewards", 0, 10);
        storage.appendLedger(List.of(), OTHER_APP, "rewards", 0, 3);
        storage.saveLedgerCursor(APP, "webhooks", 2);

        assertEquals(10, storage.ledgerCursor(APP, "rewards"));
        assertEquals(3, storage.ledgerCursor(OTHER_APP, "rewards"));
        assertEquals(2, storage.ledgerCursor(APP, "webhooks"));
        assertEquals(0, storage.ledgerCursor(OTHER_APP, "webhooks"));
        assertThrows(ConflictException.class, () -> storage.appendLedger(List.of(), OTHER_APP, "rewards", 10, 11));
        storage.appendLedger(List.of(), APP, "webhooks", 2, 5);

        StorageBackend reopened = reopen();
        assertEquals(10, reopened.ledgerCursor(APP, "rewards"));
        assertEquals(5, reopened.ledgerCursor(APP, "webhooks"));
        reopened.saveLedgerCursor(APP, "webhooks", 1);
        assertEquals(1, reopened.ledgerCursor(APP, "webhooks"), "a save is unconditional, back as well as forward");
    }

    // ---- the app's ledger ---------------------------------------------------------------------

    @Test
    default void theAppsLedgerComesPageByPageInSeqOrderWithoutOtherAppsEntries() {
        List<LedgerEntry> ours = new ArrayList<>();
        for (int call = 0; call < 5; call++) {
            List<LedgerEntry> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(entry(APP, "rater" + (i % 3), i + 1, minutes(call * 5 + i)));
                batch.add(entry(OTHER_APP, "rater" + i, 100, minutes(call * 5 + i)));
            }
            for (LedgerEntry stored : storage().appendLedger(batch)) {
                if (stored.appId().equals(APP)) {
                    ours.add(stored);
                }
            }
        }

        List<LedgerEntry> paged = new ArrayList<>();
        long after = 0;
        for (List<LedgerEntry> page = storage().ledgerAfter(APP, after, 7); !page.isEmpty();
             page = storage().ledgerAfter(APP, after, 7)) {
            assertTrue(page.size() <= 7, "a page holds at most the limit");
            paged.addAll(page);
            after = page.get(page.size() - 1).seq();
        }
        assertEquals(ours, paged);
        assertEquals(ours.subList(11, 14), storage().ledgerAfter(APP, ours.get(10).seq(), 3));
        assertEquals(List.of(), storage().ledgerAfter("no-such-app", 0, 10));
    }

    @Test
    default void pointsSinceCountWhatWasPaidToTheAppsRatersFromThatTimeOn() {
        storage().appendLedger(List.of(entry(APP, "ann", 100, minutes(-1)), entry(APP, "ann", 5, minutes(0)),
                vesting(entry(APP, "bob", 7, minutes(30)), minutes(60 * 24 * 30)),
                entry(APP, "bob", -2, minutes(45)), entry(OTHER_APP, "ann", 1000, minutes(10))));

        assertEquals(12, storage().ledgerPointsSince(APP, minutes(0)), "from the start of the day on, not before;"
                + " unvested points count, clawbacks do not, nor the other app's");
        assertEquals(7, storage().ledgerPointsSince(APP, minutes(30)), "bob's 7, not his clawback of 2");
        assertEquals(0, storage().ledgerPointsSince(APP, minutes(46)));
        assertEquals(0, storage().ledgerPointsSince("no-such-app", minutes(0)));
    }

    // ---- the leaderboard ----------------------------------------------------------------------

    @Test
    default void theLeaderboardListsOnlyListedRatersMostFirstTiesByRaterId() {
        StorageBackend storage = storage();
        storage.appendLedger(List.of(entry(APP, "cy", 30, minutes(1)), entry(APP, "ann", 20, minutes(2)),
                entry(APP, "hidden", 500, minutes(3)), entry(APP, "no-profile", 400, minutes(4)),
                entry(APP, "bob", 15, minutes(5)), entry(APP, "bob", 5, minutes(6)), entry(APP, "dee", 1, minutes(7)),
                entry(OTHER_APP, "dee", 1000, minutes(8))));
        listed(APP, "cy", "Cy");
        listed(APP, "ann", "Ann");
        listed(APP, "bob", "Bobby");
        listed(APP, "dee", "Dee");
        storage.saveRaterProfile(new RaterProfile(APP, "hidden", "Shy", false, minutes(0)));

        List<LeaderboardRow> board = storage.leaderboard(APP, minutes(0), minutes(60), 10);

        assertEquals(List.of(new LeaderboardRow("cy", "Cy", 30), new LeaderboardRow("ann", "Ann", 20),
                new LeaderboardRow("bob", "Bobby", 20), new LeaderboardRow("dee", "Dee", 1)), board,
                "unlisted and profile-less raters are absent however many points they have");
        assertEquals(board.subList(0, 2), storage.leaderboard(APP, minutes(0), minutes(60), 2));
        assertEquals(List.of(), storage.leaderboard("no-such-app", minutes(0), minutes(60), 10));
    }

    @Test
    default void theLeaderboardCountsOnlyPointsMadeInThePeriodAndVestedByThen() {
        StorageBackend storage = storage();
        Instant now = minutes(60);
        storage.appendLedger(List.of(entry(APP, "ann", 50, minutes(-1)), entry(APP, "ann", 4, minutes(0)),
                vesting(entry(APP, "bob", 90, minutes(5)), minutes(61)),
                vesting(entry(APP, "bob", 3, minutes(6)), now), entry(APP, "cy", 8, minutes(7)),
                entry(APP, "cy", -8, minutes(8)), entry(APP, "dee", 2, minutes(9)), entry(APP, "dee", -5, minutes(10))));
        for (String rater : List.of("ann", "bob", "cy", "dee")) {
            listed(APP, rater, "Name of " + rater);
        }

        assertEquals(List.of(new LeaderboardRow("ann", "Name of ann", 4), new LeaderboardRow("bob", "Name of bob", 3)),
                storage.leaderboard(APP, minutes(0), now, 10), "ann's points of yesterday and bob's not yet vested ones do"
                + " not count; cy and dee were clawed back to nothing or less and are left out");
        assertEquals(List.of(new LeaderboardRow("bob", "Name of bob", 93), new LeaderboardRow("ann", "Name of ann", 54)),
                storage.leaderboard(APP, minutes(-60), minutes(61), 2), "a longer period, a day later");
    }

    // ---- profiles, deletion, signing secrets --------------------------------------------------

    @Test
    default void aProfileIsCreatedThenReplacedAndBelongsToOneApp() {
        StorageBackend storage = storage();
        assertEquals(Optional.empty(), storage.raterProfile(APP, "ann"));
        RaterProfile first = new RaterProfile(APP, "ann", "Ann", true, minutes(1));
        storage.saveRaterProfile(first);
        assertEquals(Optional.of(first), storage.raterProfile(APP, "ann"));

        RaterProfile changed = new RaterProfile(APP, "ann", null, false, minutes(2));
        storage.saveRaterProfile(changed);
        RaterProfile elsewhere = new RaterProfile(OTHER_APP, "ann", "Annie", true, minutes(3));
        storage.saveRaterProfile(elsewhere);

        StorageBackend reopened = reopen();
        assertEquals(Optional.of(changed), reopened.raterProfile(APP, "ann"));
        assertEquals(Optional.of(elsewhere), reopened.raterProfile(OTHER_APP, "ann"));
        assertEquals(Optional.empty(), reopened.raterProfile(APP, "bob"));
    }

    @Test
    default void deletingARaterRemovesTheirProfileAndLedgerButNotTheCursors() {
        StorageBackend storage = storage();
        storage.appendLedger(List.of(entry(APP, "ann", 5, minutes(1)), entry(APP, "bob", 6, minutes(1))),
                APP, "rewards", 0, 2);
        listed(APP, "ann", "Ann");
        listed(APP, "bob", "Bob");
        listed(OTHER_APP, "ann", "Ann");

        storage.deleteRater(APP, "ann");

        assertEquals(Optional.empty(), storage.raterProfile(APP, "ann"));
        assertEquals(List.of(), storage.ledger(APP, "ann"));
        assertEquals(List.of(new LeaderboardRow("bob", "Bob", 6)), storage.leaderboard(APP, minutes(0), minutes(60), 10));
        assertEquals(List.of("bob"), storage.ledgerAfter(APP, 0, 10).stream().map(LedgerEntry::rater).toList());
        assertEquals(6, storage.ledgerPointsSince(APP, minutes(0)));
        assertEquals(2, storage.ledgerCursor(APP, "rewards"), "deleting does not make the host pay for votes again");
        assertTrue(storage.raterProfile(OTHER_APP, "ann").isPresent(), "the other app's ann is another rater");
    }

    @Test
    default void replacingTheSigningSecretChangesOnlyThatAppsSecret() {
        StorageBackend storage = storage();
        App before = storage.app(APP).orElseThrow();
        App other = storage.app(OTHER_APP).orElseThrow();

        storage.replaceSigningSecret(APP, "ss_rotated");

        App after = reopen().app(APP).orElseThrow();
        assertEquals(new App(before.id(), before.name(), before.allowedOrigins(), before.publishableKey(),
                before.secretKeyHash(), "ss_rotated", before.createdAt()), after);
        assertEquals(Optional.of(other), storage().app(OTHER_APP));
        assertThrows(IllegalArgumentException.class, () -> storage().replaceSigningSecret("no-such-app", "ss_x"));
        assertEquals(Optional.empty(), storage().app("no-such-app"), "rotating does not create an app");
    }

    private void listed(String appId, String rater, String name) {
        storage().saveRaterProfile(new RaterProfile(appId, rater, name, true, minutes(0)));
    }

    /**
     * {@code n} minutes after the start of the day the tests play on (negative: the day before),
     * in whole microseconds like every instant a backend must keep exactly.
     */
    private static Instant minutes(long n) {
        return Instant.parse("2026-03-02T00:00:00.000001Z").plus(n, ChronoUnit.MINUTES);
    }

    private static LedgerEntry vesting(LedgerEntry e, Instant vestsAt) {
        return new LedgerEntry(e.appId(), e.rater(), e.policy(), e.points(), e.reason(), e.voteId(), e.at(), e.seq(),
                vestsAt);
    }

    private static LedgerEntry entry(String appId, String rater, long points, Instant at) {
        return new LedgerEntry(appId, rater, "points", points, "vote accepted", UuidV7.next(), at, 0);
    }
}
