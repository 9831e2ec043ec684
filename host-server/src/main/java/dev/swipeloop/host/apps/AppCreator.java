package dev.swipeloop.host.apps;

import com.google.gson.JsonObject;
import dev.swipeloop.sdk.ConflictException;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Creates an app with fresh keys and stores it; the plain secret and signing secret are shown once. */
public final class AppCreator {
    /** What {@code apps create} prints: the stored app plus the keys in plain text. */
    public record CreatedApp(App app, String publishableKey, String secretKey, String signingSecret) {
        /** {@code {"app","publishableKey","secretKey","signingSecret"}}, the CLI's output. */
        public JsonObject toJson() {
            JsonObject json = new JsonObject();
            json.addProperty("app", app.id());
            json.addProperty("publishableKey", publishableKey);
            json.addProperty("secretKey", secretKey);
            json.addProperty("signingSecret", signingSecret);
            return json;
        }
    }

    private final StorageBackend storage;
    private final Clock clock;

    public AppCreator(StorageBackend storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    public AppCreator(StorageBackend storage) {
        this(storage, Clock.systemUTC());
    }

    /**
     * Validates the origins (every bad one named in one {@link InvalidOriginException}), makes
     * the keys and stores the app. A clash of the random app id is retried.
     */
    public CreatedApp create(String name, List<String> origins) {
        CreatedApp created = newApp(name, origins, clock);
        for (int attempt = 0; ; attempt++) {
            try {
                storage.createApp(created.app());
                return created;
            } catch (ConflictException e) {
                if (attempt >= 3) {
                    throw e;
                }
                created = newApp(name, origins, clock);
            }
        }
    }

    /** Builds an app with fresh keys without storing it. */
    public static CreatedApp newApp(String name, List<String> origins, Clock clock) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an app needs a name; pass --name NAME");
        }
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String origin : origins) {
            try {
                normalized.add(Origins.normalize(origin));
            } catch (InvalidOriginException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidOriginException(String.join("; ", problems));
        }
        String appId = AppKeys.newAppId();
        String publishable = AppKeys.newKey(AppKeys.KeyType.PUBLISHABLE, appId);
        String secret = AppKeys.newKey(AppKeys.KeyType.SECRET, appId);
        String signing = AppKeys.newSigningSecret();
        App app = new App(appId, name.trim(), List.copyOf(normalized), publishable, AppKeys.hash(secret), signing,
                clock.instant());
        return new CreatedApp(app, publishable, secret, signing);
    }
}
