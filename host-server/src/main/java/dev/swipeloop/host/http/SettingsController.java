package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.swipeloop.host.rewards.RewardEngine;
import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.host.settings.AppSettingsCache;
import dev.swipeloop.host.settings.RewardPolicySpecs;
import dev.swipeloop.host.webhooks.WebhookAddressCheck;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.config.ConfigKey;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET} and {@code PATCH /v1/settings} (secret key): the app's own ranking, rater-quality,
 * deck, reward and webhook settings, and those its reward policies declare
 * ({@code reward.<policy>.<key>}). A PATCH names only the keys it changes ({@code null} puts one back to its
 * default) and is checked as a whole against what the app already has: any bad key → 400
 * naming each, and nothing changes. After a change this host reads the settings again at once;
 * score boards notice on their next refresh that a rule they are built from changed.
 */
final class SettingsController {
    private final KeyAuth auth;
    private final StorageBackend storage;
    private final AppSettingsCache settings;
    private final RewardEngine rewards;
    private final boolean webhooksToPrivateAddresses;

    /**
     * @param rewards                    told when an app turns rewards on, so that they count from then on
     * @param webhooksToPrivateAddresses whether a webhook URL may point at this host's own networks
     */
    SettingsController(KeyAuth auth, StorageBackend storage, AppSettingsCache settings, RewardEngine rewards,
                       boolean webhooksToPrivateAddresses) {
        this.auth = auth;
        this.storage = storage;
        this.settings = settings;
        this.rewards = rewards;
        this.webhooksToPrivateAddresses = webhooksToPrivateAddresses;
    }

    void get(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        JsonOut.write(ctx, 200, describe(settings.of(appId), settings.policies()));
    }

    void patch(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        JsonObject body = JsonBody.parseObject(ctx.bodyAsBytes());
        Map<String, String> stored = storage.appSettings(appId);
        boolean rewardsWereOn = settings.of(appId).rewards().enabled();
        Set<String> known = new HashSet<>();
        AppSettings.SPEC.keys().forEach(key -> known.add(key.name()));
        known.addAll(settings.policies().keys().keySet());

        Map<String, String> put = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
            String key = entry.getKey();
            JsonElement value = entry.getValue();
            if (!known.contains(key) && value.isJsonNull() && stored.containsKey(key)) {
                remove.add(key); // a setting of a policy no longer here may still be removed
            } else if (!known.contains(key)) {
                errors.add(new FieldError(key, "unknown setting; see GET /v1/settings for the known ones"));
            } else if (AppSettings.READ_ONLY.contains(key)) {
                errors.add(new FieldError(key, "is made by the host, not set; rotate it with POST /v1/webhooks/secret"));
            } else if (value.isJsonNull()) {
                remove.add(key);
            } else if (value.isJsonPrimitive()) {
                put.put(key, value.getAsString());
            } else {
                errors.add(new FieldError(key, "must be a number, a string, true/false, or null for the default"));
            }
        }
        Map<String, String> merged = settings.policies().runnable(stored);
        merged.putAll(put);
        remove.forEach(merged::remove);
        AppSettings next = null;
        try {
            next = AppSettings.of(merged, settings.policies());
        } catch (ConfigException e) {
            e.errors().forEach(error -> errors.add(new FieldError(error.key(), error.message())));
        }
        if (errors.isEmpty() && put.containsKey("webhooks.url")) {
            String problem = WebhookAddressCheck.problem(put.get("webhooks.url"), webhooksToPrivateAddresses);
            if (problem != null) {
                errors.add(new FieldError("webhooks.url", problem));
            }
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
        if (!rewardsWereOn && next.rewards().enabled()) {
            rewards.startFromNow(appId);
        }
        JsonOut.write(ctx, 200, describe(next, settings.policies()));
    }

    private static JsonObject describe(AppSettings app, RewardPolicySpecs policies) {
        JsonArray list = new JsonArray();
        for (ConfigKey key : AppSettings.SPEC.keys()) {
            list.add(setting(key.name(), key, app.config(), app));
        }
        policies.keys().forEach((name, key) -> {
            String policy = name.substring(RewardPolicySpecs.PREFIX.length(), name.length() - key.name().length() - 1);
            list.add(setting(name, key, app.rewardConfig(policy), app));
        });
        JsonObject body = new JsonObject();
        body.add("settings", list);
        return body;
    }

    private static JsonObject setting(String name, ConfigKey key, Config config, AppSettings app) {
        JsonObject setting = new JsonObject();
        setting.addProperty("name", name);
        setting.addProperty("type", key.type().name().toLowerCase(Locale.ROOT));
        setting.add("value", value(config, key));
        setting.add("default", key.type() == ConfigType.PASSWORD ? JsonNull.INSTANCE
                : JsonOut.GSON.toJsonTree(key.defaultValue()));
        setting.addProperty("changed", app.overrides().containsKey(name));
        setting.addProperty("doc", key.doc());
        return setting;
    }

    /** The effective value; a password (the webhook secret) is never shown, only whether it is set. */
    private static JsonElement value(Config config, ConfigKey key) {
        if (!config.has(key.name())) {
            return JsonNull.INSTANCE;
        }
        return switch (key.type()) {
            case INT -> new JsonPrimitive(config.getInt(key.name()));
            case LONG -> new JsonPrimitive(config.getLong(key.name()));
            case DOUBLE -> new JsonPrimitive(config.getDouble(key.name()));
            case BOOLEAN -> new JsonPrimitive(config.getBoolean(key.name()));
            case LIST -> JsonOut.GSON.toJsonTree(config.getList(key.name()));
            case PASSWORD -> new JsonPrimitive("****");
            default -> new JsonPrimitive(config.getString(key.name()));
        };
    }
}
