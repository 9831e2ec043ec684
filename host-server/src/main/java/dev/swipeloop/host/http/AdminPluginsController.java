package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.admin.SettingMask;
import dev.swipeloop.host.plugin.ExtensionSettings;
import dev.swipeloop.host.plugin.PluginRegistry;
import dev.swipeloop.host.plugin.PluginStatus;
import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigKey;
import dev.swipeloop.sdk.config.ConfigType;
import io.javalin.http.Context;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GET /v1/admin/plugins}: every plugin the host found, as {@code /health} reports it, with
 * what the dashboard adds: each extension's kind, the settings it declares with the values in
 * force ({@code plugin.<extension>.<key>}) and the settings it refused. Secret settings are shown
 * as {@link SettingMask#MASK}, and so are passwords inside other values (a JDBC URL's).
 */
final class AdminPluginsController {
    private final KeyAuth auth;
    private final PluginRegistry registry;
    private final String storageId;

    AdminPluginsController(KeyAuth auth, PluginRegistry registry, String storageId) {
        this.auth = auth;
        this.registry = registry;
        this.storageId = storageId;
    }

    void plugins(Context ctx) {
        auth.admin(ctx);
        List<ExtensionSettings> extensions = registry.extensionSettings();
        JsonArray plugins = new JsonArray();
        for (PluginStatus status : registry.statuses()) {
            List<ExtensionSettings> own = extensions.stream().filter(e -> e.pluginId().equals(status.id())).toList();
            JsonObject plugin = new JsonObject();
            plugin.addProperty("id", status.id());
            plugin.addProperty("version", status.version());
            plugin.addProperty("state", status.state());
            JsonArray kinds = new JsonArray();
            JsonArray configErrors = new JsonArray();
            JsonArray settings = new JsonArray();
            for (ExtensionSettings extension : own) {
                JsonObject entry = new JsonObject();
                entry.addProperty("kind", extension.kind());
                entry.addProperty("id", extension.id());
                entry.addProperty("inUse", !extension.kind().equals("storage") || extension.id().equals(storageId));
                kinds.add(entry);
                for (ConfigError error : extension.configErrors()) {
                    JsonObject problem = new JsonObject();
                    problem.addProperty("key", "plugin." + extension.id() + "." + error.key());
                    problem.addProperty("message", error.message());
                    configErrors.add(problem);
                }
                for (ConfigKey key : extension.keys()) {
                    settings.add(setting(extension, key));
                }
            }
            plugin.add("extensions", kinds);
            plugin.addProperty("error", status.reason());
            plugin.add("configErrors", configErrors);
            plugin.add("settings", settings);
            plugins.add(plugin);
        }
        JsonObject body = new JsonObject();
        body.addProperty("storage", storageId);
        body.add("plugins", plugins);
        JsonOut.write(ctx, 200, body);
    }

    private static JsonObject setting(ExtensionSettings extension, ConfigKey key) {
        boolean secret = key.type() == ConfigType.PASSWORD;
        String given = extension.given().get(key.name());
        boolean set = given != null && !given.isBlank();
        String fallback = text(key.defaultValue());
        JsonObject json = new JsonObject();
        json.addProperty("key", "plugin." + extension.id() + "." + key.name());
        json.addProperty("value", SettingMask.shown(set ? given.trim() : fallback, secret));
        json.addProperty("default", SettingMask.shown(fallback, secret));
        json.addProperty("set", set);
        json.addProperty("type", secret ? "string" : key.type().name().toLowerCase(java.util.Locale.ROOT));
        json.addProperty("doc", key.doc());
        json.addProperty("secret", secret);
        return json;
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? null : String.valueOf(value);
    }
}
