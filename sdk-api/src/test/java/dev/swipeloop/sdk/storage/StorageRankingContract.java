package dev.swipeloop.sdk.storage;

import static dev.swipeloop.sdk.storage.StorageBackendContract.APP;
import static dev.swipeloop.sdk.storage.StorageBackendContract.OTHER_APP;
import static dev.swipeloop.sdk.storage.StorageFixtures.binaryVote;
import static dev.swipeloop.sdk.storage.StorageFixtures.goldItem;
import static dev.swipeloop.sdk.storage.StorageFixtures.items;
import static dev.swipeloop.sdk.storage.StorageFixtures.pairVote;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.VoteKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The part of the storage contract that rankings, rater quality and learning decks rely on:
 * decks drawn from the gold items or from the others (the host mixes honeypots in at a
 * configured rate), and each app's own settings, kept durably and apart from other apps'.
 * {@link StorageBackendContract} implements this interface, so every backend runs it.
 */
public interface StorageRankingContract {

    StorageBackend storage();

    StorageBackend reopen();

    // ---- decks by pool ------------------------------------------------------------------------

    @Test
    default void aGoldDeckHasOnlyGoldItemsAndARegularDeckNone() {
        StorageBackend storage = storage();
        List<Item> catalogue = new ArrayList<>(items(APP, "meme-", 4));
        catalogue.add(goldItem(APP, "broken-1", Verdict.DISLIKE));
        catalogue.add(goldItem(APP, "broken-2", Verdict.DISLIKE));
        storage.upsertItems(catalogue);

        assertEquals(Set.of("broken-1", "broken-2"), ids(storage.deck(APP, "ann", VoteKind.BINARY, 10, ItemPool.GOLD)));
        assertEquals(Set.of("meme-0", "meme-1", "meme-2", "meme-3"),
                ids(storage.deck(APP, "ann", VoteKind.BINARY, 10, ItemPool.REGULAR)));
        assertEquals(6, storage.deck(APP, "ann", VoteKind.BINARY, 10, ItemPool.ALL).size());
        assertEquals(Set.of(), ids(storage.deck(OTHER_APP, "ann", VoteKind.BINARY, 10, ItemPool.GOLD)));
    }

    @Test
    default void pooledDecksKeepTheNeverJudgedRuleAndTheLeastJudgedOrder() {
        StorageBackend storage = storage();
        storage.upsertItems(List.of(goldItem(APP, "g0", Verdict.LIKE), goldItem(APP, "g1", Verdict.DISLIKE),
                goldItem(APP, "g2", Verdict.LIKE)));
        storage.upsertItems(items(APP, "i", 3));
        storage.appendVotes(List.of(binaryVote(APP, "ann", "g0", Verdict.LIKE), binaryVote(APP, "bob", "g1", Verdict.LIKE),
                binaryVote(APP, "cy", "g1", Verdict.LIKE), binaryVote(APP, "ann", "i0", Verdict.LIKE),
                pairVote(APP, "ann", "i1", "g2", Choice.LEFT)));

        assertEquals(List.of("g2", "g1"), storage.deck(APP, "ann", VoteKind.BINARY, 10, ItemPool.GOLD).stream()
                .map(Item::id).toList(), "g0 judged by ann; g1 judged twice, so after g2");
        assertEquals(Set.of("i1", "i2"), ids(storage.deck(APP, "ann", VoteKind.BINARY, 10, ItemPool.REGULAR)));
        assertEquals(Set.of("g0", "g1"), ids(storage.deck(APP, "ann", VoteKind.PAIR, 10, ItemPool.GOLD)),
                "g2 was on one side of ann's pair");
        assertEquals(1, storage.deck(APP, "newcomer", VoteKind.BINARY, 1, ItemPool.GOLD).size(), "the limit holds");
    }

    // ---- app settings ---------------------------------------------------------------------------

    @Test
    default void anAppWithoutSettingsHasNone() {
        assertEquals(Map.of(), storage().appSettings(APP));
        assertEquals(Map.of(), storage().appSettings("no-such-app"));
    }

    @Test
    default void settingsArePutAndRemovedByKeyAndOtherKeysStay() {
        StorageBackend storage = storage();
        storage.updateAppSettings(APP, Map.of("quality.fast.k", "5", "deck.retire.votes", "300"), List.of());
        storage.updateAppSettings(APP, Map.of("quality.fast.k", "6", "ranking.z", "2.576"), List.of("deck.retire.votes"));
        storage.updateAppSettings(APP, Map.of(), List.of("never-set"));

        assertEquals(Map.of("quality.fast.k", "6", "ranking.z", "2.576"), storage.appSettings(APP));
    }

    @Test
    default void settingsBelongToOneAppAndSurviveARestart() {
        storage().updateAppSettings(APP, Map.of("ranking.z", "1.645"), List.of());
        storage().updateAppSettings(OTHER_APP, Map.of("ranking.z", "3", "quality.dailyCap", "50"), List.of());

        StorageBackend reopened = reopen();
        assertEquals(Map.of("ranking.z", "1.645"), reopened.appSettings(APP));
        assertEquals(Map.of("ranking.z", "3", "quality.dailyCap", "50"), reopened.appSettings(OTHER_APP));
    }

    private static Set<String> ids(List<Item> items) {
        return Set.copyOf(items.stream().map(Item::id).toList());
    }
}
