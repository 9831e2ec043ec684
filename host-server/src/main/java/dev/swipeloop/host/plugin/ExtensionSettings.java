package dev.swipeloop.host.plugin;

import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigKey;
import java.util.List;
import java.util.Map;

/**
 * An extension the host found, with the settings it declares and those it was given
 * ({@code plugin.<id>.<key>}, keys without the prefix), for the dashboard's plugins page.
 *
 * @param kind         {@code storage}, {@code reward} or {@code export}
 * @param configErrors what its settings were refused for; empty for an extension not started
 *                     (a storage backend not in use)
 */
public record ExtensionSettings(String pluginId, String kind, String id, List<ConfigKey> keys,
                                Map<String, String> given, List<ConfigError> configErrors) {
}
