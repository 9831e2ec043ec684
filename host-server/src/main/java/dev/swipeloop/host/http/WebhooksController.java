package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.host.settings.AppSettingsCache;
import dev.swipeloop.host.webhooks.WebhookDelivery;
import dev.swipeloop.host.webhooks.WebhookDispatcher;
import dev.swipeloop.host.webhooks.WebhookSecrets;
import dev.swipeloop.host.webhooks.WebhookStatus;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/webhooks} (secret key): where the app's webhooks go and how the latest
 * deliveries fared; {@code POST /v1/webhooks/secret}: makes (or replaces) the secret they are
 * signed with and shows it this once. The URL is the setting {@code webhooks.url}.
 */
final class WebhooksController {
    private final KeyAuth auth;
    private final StorageBackend storage;
    private final AppSettingsCache settings;
    private final WebhookDispatcher dispatcher;

    WebhooksController(KeyAuth auth, StorageBackend storage, AppSettingsCache settings, WebhookDispatcher dispatcher) {
        this.auth = auth;
        this.storage = storage;
        this.settings = settings;
        this.dispatcher = dispatcher;
    }

    void status(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        AppSettings app = settings.of(appId);
        WebhookStatus status = dispatcher.status(appId);
        JsonObject body = new JsonObject();
        body.addProperty("url", app.config().getString("webhooks.url"));
        body.addProperty("secretSet", app.config().getString("webhooks.secret") != null);
        body.addProperty("sending", status.endpointSet());
        body.addProperty("cursor", status.cursor());
        body.addProperty("pending", status.pending());
        body.addProperty("pendingCapped", status.pendingCapped());
        JsonArray recent = new JsonArray();
        for (WebhookDelivery delivery : status.recent()) {
            JsonObject one = new JsonObject();
            one.addProperty("id", delivery.id());
            one.addProperty("ledgerSeq", delivery.ledgerSeq());
            one.addProperty("state", delivery.state().name().toLowerCase(java.util.Locale.ROOT));
            one.addProperty("attempts", delivery.attempts());
            one.addProperty("lastStatus", delivery.lastStatus());
            one.addProperty("lastError", delivery.lastError());
            one.addProperty("lastAttemptAt", delivery.lastAttemptAt() == null ? null : delivery.lastAttemptAt().toString());
            one.addProperty("nextAttemptAt", delivery.nextAttemptAt() == null ? null : delivery.nextAttemptAt().toString());
            recent.add(one);
        }
        body.add("recent", recent);
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, 200, body);
    }

    /** The new secret replaces the old one at once: deliveries from now on are signed with it. */
    void rotateSecret(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        String secret = WebhookSecrets.generate();
        try {
            storage.updateAppSettings(appId, Map.of("webhooks.secret", secret), List.of());
        } catch (UnsupportedOperationException e) {
            throw new ApiException.Conflict("settings-not-kept", "The storage backend '" + storage.id()
                    + "' cannot keep app settings, so it cannot keep a webhook secret either.");
        }
        settings.forget(appId);
        JsonObject body = new JsonObject();
        body.addProperty("secret", secret);
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, 200, body);
    }
}
