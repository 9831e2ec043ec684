package dev.swipeloop.host.plugin;

import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.sdk.plugin.PluginContext;
import java.nio.file.Path;

/** The host's side of {@link PluginContext}: one per plugin, naming settings as operators type them. */
record HostPluginContext(String pluginId, String hostVersion, Path dataDirectory, String extensionId)
        implements PluginContext {

    HostPluginContext forPlugin(String id) {
        return new HostPluginContext(id, hostVersion, dataDirectory, extensionId);
    }

    HostPluginContext forExtension(String id) {
        return new HostPluginContext(pluginId, hostVersion, dataDirectory, id);
    }

    @Override
    public String settingName(String key) {
        String scope = extensionId != null ? extensionId : pluginId;
        return SettingSources.describe("plugin." + scope + "." + key);
    }
}
