package dev.swipeloop.sdk.plugin;

import java.nio.file.Path;

/**
 * A {@link PluginContext} for plugin tests: a fixed plugin id and data directory, and setting
 * names spelled the way the host spells them ({@code plugins.<id>.<key>}), so tests can check
 * that error messages name the setting to fix.
 */
public record TestPluginContext(String pluginId, String hostVersion, Path dataDirectory, String extensionId)
        implements PluginContext {

    public TestPluginContext(String pluginId, Path dataDirectory, String extensionId) {
        this(pluginId, "0.1.0", dataDirectory, extensionId);
    }

    @Override
    public String settingName(String key) {
        return "plugin." + extensionId + "." + key;
    }
}
