package dev.swipeloop.sdk.storage;

import static dev.swipeloop.sdk.storage.StorageBackendContract.APP;
import static dev.swipeloop.sdk.storage.StorageBackendContract.OTHER_APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.swipeloop.sdk.model.App;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The part of the storage contract that the dashboard's apps page relies on: an app's name,
 * allowed origins and keys are replaced in one {@link StorageBackend#updateApp} call, a revoked
 * key (stored empty) stays empty, and nothing else changes. {@link StorageBackendContract}
 * implements this interface, so every backend runs it.
 */
public interface StorageAppsContract {

    StorageBackend storage();

    StorageBackend reopen();

    @Test
    default void anUpdateReplacesEveryFieldButIdAndCreatedAtAndKeepsTheOriginsInOrder() {
        StorageBackend storage = storage();
        App before = storage.app(APP).orElseThrow();
        App other = storage.app(OTHER_APP).orElseThrow();
        List<String> origins = List.of("https://zebra.example", "http://localhost:8080", "https://alpha.example");
        App edited = new App(APP, "Renamed · app", origins, "pk_app-a_rotated",
                "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", "ss_app-a_rotated",
                Instant.parse("2030-01-01T00:00:00Z"));

        storage.updateApp(edited);

        App expected = new App(APP, edited.name(), origins, edited.publishableKey(), edited.secretKeyHash(),
                edited.signingSecret(), before.createdAt());
        assertEquals(Optional.of(expected), storage.app(APP), "createdAt is kept, every other field replaced");
        assertEquals(Set.of(expected, other), Set.copyOf(storage.apps()));
        assertEquals(Optional.of(expected), reopen().app(APP), "kept across a restart");
        assertEquals(Optional.of(other), storage().app(OTHER_APP), "the other app is untouched");
    }

    @Test
    default void revokedKeysAndNoOriginsRoundTripAsEmpty() {
        StorageBackend storage = storage();
        App before = storage.app(APP).orElseThrow();
        App revoked = new App(APP, before.name(), List.of(), "", "", before.signingSecret(), before.createdAt());

        storage.updateApp(revoked);

        assertEquals(Optional.of(revoked), storage.app(APP));
        assertEquals(Optional.of(revoked), reopen().app(APP), "a revoked key stays revoked after a restart");
        assertEquals(Optional.of(revoked),
                storage().apps().stream().filter(app -> app.id().equals(APP)).findFirst(), "listed as read");

        App restored = new App(APP, before.name(), before.allowedOrigins(), "pk_app-a_new", before.secretKeyHash(),
                before.signingSecret(), before.createdAt());
        storage().updateApp(restored);
        assertEquals(Optional.of(restored), storage().app(APP), "a new key replaces a revoked one");
    }

    @Test
    default void updatingAnUnknownAppThrowsAndCreatesNothing() {
        StorageBackend storage = storage();
        List<App> before = storage.apps();
        App stranger = new App("no-such-app", "Stranger", List.of("https://stranger.example"), "pk_x", "00",
                "ss_x", StorageFixtures.instant());

        assertThrows(IllegalArgumentException.class, () -> storage.updateApp(stranger));

        assertEquals(Optional.empty(), storage.app("no-such-app"), "updating does not create an app");
        assertEquals(before, storage.apps(), "no app changed");
    }
}
