package dev.swipeloop.sdk.plugin;

import java.nio.file.Path;

/**
 * What the host offers a plugin. Plugins see the host only through this interface; it grows
 * by addition (new {@code default} methods), never by change.
 */
public interface PluginContext {
    /** The plugin's id, as in its {@code Plugin-Id}. */
    String pluginId();

    /** The host's version, e.g. {@code 0.1.0}. */
    String hostVersion();

    /**
     * The host's data directory ({@code --data}, default {@code ./data}). Exists and is
     * writable. Plugins name their files after themselves (the SQLite plugin's default
     * database is {@code swipeloop.db}, the product's own) so several plugins never clash.
     */
    Path dataDirectory();

    /**
     * How an operator spells one of this extension's settings, e.g. {@code path} becomes
     * {@code plugins.sqlite.path (env SWIPELOOP_PLUGINS_SQLITE_PATH)}. Use it in error
     * messages so they name the setting to fix.
     */
    String settingName(String key);
}
