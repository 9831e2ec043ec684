package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.host.settings.AppSettingsCache;
import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.config.ConfigKey;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET} and {@code PATCH /v1/settings} (secret key): the app's own ranking, rater-quality
 * and deck settings. A PATCH names only the keys it changes ({@code null} puts one back to its
 * default) and is checked as a whole against what the app already has: any bad key → 400
 * naming each, and nothing changes. After a change this host reads the settings again at once;
 * score boards notice on their next refresh that a rule they are built from changed.
 */
final class SettingsController {
    private final KeyAuth auth;
    private final StorageBackend storage;
    private final AppSettingsCache settings;

    SettingsController(KeyAuth auth, StorageBackend storage, AppSettingsCache settings) {
        this.auth = auth;
        this.storage = storage;
        this.settings = settings;
    }

    void get(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        JsonOut.write(ctx, 200, describe(settings.of(appId)));
    }

    void patch(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        JsonObject body = JsonBody.parseObject(ctx.bodyAsBytes());
        Set<String> known = new HashSet<>();
        AppSettings.SPEC.keys().forEach(key -> known.add(key.name()));

        Map<String, String> put = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
            String key = entry.getKey();
            JsonElement value = entry.getValue();
            if (!known.contains(key)) {
                errors.add(new FieldError(key, "unknown setting; see GET /v1/settings for the known ones"));
            } else if (value.isJsonNull()) {
                remove.add(key);
            } else if (value.isJsonPrimitive()) {
                put.put(key, value.getAsString());
            } else {
                errors.add(new FieldError(key, "must be a number, a string, true/false, or null for the default"));
            }
        }
        Map<String, String> merged = new HashMap<>(storage.appSettings(appId));
        merged.putAll(put);
        remove.forEach(merged::remove);
        AppSettings next = null;
        try {
            next = AppSettings.of(merged);
        } catch (ConfigException e) {
            e.errors().forEach(error -> errors.add(new FieldError(error.key(), error.message())));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid("Some settings were not accepted; nothing was changed.", errors);
        }
        try {
            storage.updateAppSettings(appId, put, remove);
        } catch (UnsupportedOperationException e) {
            throw new ApiException.Conflict("settings-not-kept", "The storage backend '" + storage.id()
                    + "' cannot keep app settings, so every app runs on the defaults; use a backend that can.");
        }
        settings.forget(appId);
        JsonOut.write(ctx, 200, describe(next));
    }

    private static JsonObject describe(AppSettings app) {
        JsonArray list = new JsonArray();
        for (ConfigKey key : AppSettings.SPEC.keys()) {
            JsonObject setting = new JsonObject();
            setting.addProperty("name", key.name());
            setting.addProperty("type", key.type().name().toLowerCase(Locale.ROOT));
            setting.add("value", value(app, key));
            setting.add("default", JsonOut.GSON.toJsonTree(key.defaultValue()));
            setting.addProperty("changed", app.overrides().containsKey(key.name()));
            setting.addProperty("doc", key.doc());
            list.add(setting);
        }
        JsonObject body = new JsonObject();
        body.add("settings", list);
        return body;
    }

    private static JsonElement value(AppSettings app, ConfigKey key) {
        return switch (key.type()) {
            case INT -> new JsonPrimitive(app.config().getInt(key.name()));
            case LONG -> new JsonPrimitive(app.config().getLong(key.name()));
            case DOUBLE -> new JsonPrimitive(app.config().getDouble(key.name()));
            case BOOLEAN -> new JsonPrimitive(app.config().getBoolean(key.name()));
            default -> new JsonPrimitive(app.config().getString(key.name()));
        };
    }
}
