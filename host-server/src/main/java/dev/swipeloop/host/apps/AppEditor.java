package dev.swipeloop.host.apps;

import dev.swipeloop.sdk.SwipeloopException;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Changes an existing app through {@link StorageBackend#updateApp}: its name and allowed origins,
 * and its keys, rotated (a fresh key replaces the old one, which stops working) or revoked
 * (stored empty, so nothing matches it). Each change is read, made and written whole, and then
 * told to {@code changed} (the host's app cache), so this host refuses an old key from the very
 * next request. Changes through one editor are serialized; two hosts changing one app at the
 * same moment may undo each other's change, which the dashboard shows at once.
 */
public final class AppEditor {
    /** The app's credentials that can be rotated; the signing secret cannot be revoked, only replaced. */
    public enum KeyKind {
        SECRET, PUBLISHABLE, SIGNING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The storage backend cannot change apps (a third-party one written before updateApp existed). */
    public static final class NotEditableException extends SwipeloopException {
        private static final long serialVersionUID = 1L;

        NotEditableException(String message) {
            super(message);
        }
    }

    /** The app after a rotation, and the new key or secret in plain text, shown this once. */
    public record Rotated(App app, KeyKind kind, String key) {
    }

    private final StorageBackend storage;
    private final Consumer<App> changed;

    /** @param changed told of every app after its change is stored (the host's app cache; nothing for the CLI) */
    public AppEditor(StorageBackend storage, Consumer<App> changed) {
        this.storage = storage;
        this.changed = changed;
    }

    /** Whether a stored key (the publishable key, the secret key's hash) is in force, not revoked. */
    public static boolean active(String stored) {
        return stored != null && !stored.isEmpty();
    }

    /**
     * Renames the app and/or replaces its allowed origins (null keeps either). Origins are stored
     * in canonical form, duplicates once; a bad one throws {@link InvalidOriginException} and
     * changes nothing.
     */
    public synchronized App edit(String appId, String name, List<String> origins) {
        App app = load(appId);
        List<String> allowed = app.allowedOrigins();
        if (origins != null) {
            LinkedHashSet<String> normalized = new LinkedHashSet<>();
            for (String origin : origins) {
                normalized.add(Origins.normalize(origin));
            }
            allowed = List.copyOf(normalized);
        }
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("an app's name must not be blank");
        }
        return store(new App(app.id(), name == null ? app.name() : name.trim(), allowed, app.publishableKey(),
                app.secretKeyHash(), app.signingSecret(), app.createdAt()));
    }

    /** Replaces the key of {@code kind} with a fresh one, made as {@code apps create} makes it. */
    public synchronized Rotated rotate(String appId, KeyKind kind) {
        App app = load(appId);
        String key = switch (kind) {
            case SECRET -> AppKeys.newKey(AppKeys.KeyType.SECRET, appId);
            case PUBLISHABLE -> AppKeys.newKey(AppKeys.KeyType.PUBLISHABLE, appId);
            case SIGNING -> AppKeys.newSigningSecret();
        };
        App rotated = new App(app.id(), app.name(), app.allowedOrigins(),
                kind == KeyKind.PUBLISHABLE ? key : app.publishableKey(),
                kind == KeyKind.SECRET ? AppKeys.hash(key) : app.secretKeyHash(),
                kind == KeyKind.SIGNING ? key : app.signingSecret(), app.createdAt());
        if (kind == KeyKind.SIGNING) {
            // The narrower SPI method a storage written for #6 has, without updateApp.
            try {
                storage.replaceSigningSecret(appId, key);
            } catch (UnsupportedOperationException e) {
                throw new NotEditableException(e.getMessage() + "; the app keeps its old signing secret");
            } catch (IllegalArgumentException e) {
                throw new UnknownAppException(appId);
            }
            changed.accept(rotated);
            return new Rotated(rotated, kind, key);
        }
        return new Rotated(store(rotated), kind, key);
    }

    /** Revokes the secret or publishable key: requests with it are refused until a rotation makes a new one. */
    public synchronized App revoke(String appId, KeyKind kind) {
        if (kind == KeyKind.SIGNING) {
            throw new IllegalArgumentException("the signing secret cannot be revoked, only rotated");
        }
        App app = load(appId);
        return store(new App(app.id(), app.name(), app.allowedOrigins(),
                kind == KeyKind.PUBLISHABLE ? "" : app.publishableKey(),
                kind == KeyKind.SECRET ? "" : app.secretKeyHash(), app.signingSecret(), app.createdAt()));
    }

    private App load(String appId) {
        return storage.app(appId).orElseThrow(() -> new UnknownAppException(appId));
    }

    private App store(App app) {
        try {
            storage.updateApp(app);
        } catch (UnsupportedOperationException e) {
            throw new NotEditableException(e.getMessage() + "; the app is unchanged");
        } catch (IllegalArgumentException e) {
            // Removed between loading and storing (another host, the CLI): the same answer as never found.
            throw new UnknownAppException(app.id());
        }
        changed.accept(app);
        return app;
    }
}
