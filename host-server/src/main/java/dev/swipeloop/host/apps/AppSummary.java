package dev.swipeloop.host.apps;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.sdk.model.App;

/**
 * An app as the dashboard and {@code apps revoke-key} show it: never a secret, only whether the
 * secret key is active; a revoked publishable key is {@code null}.
 */
public final class AppSummary {
    private AppSummary() {
    }

    /** {@code {"id","name","allowedOrigins","publishableKey","secretKeyActive","createdAt"}}. */
    public static JsonObject toJson(App app) {
        JsonObject json = new JsonObject();
        json.addProperty("id", app.id());
        json.addProperty("name", app.name());
        JsonArray origins = new JsonArray();
        app.allowedOrigins().forEach(origins::add);
        json.add("allowedOrigins", origins);
        json.addProperty("publishableKey", AppEditor.active(app.publishableKey()) ? app.publishableKey() : null);
        json.addProperty("secretKeyActive", AppEditor.active(app.secretKeyHash()));
        json.addProperty("createdAt", app.createdAt().toString());
        return json;
    }
}
