package dev.swipeloop.sdk.plugin;

import org.pf4j.Plugin;

/**
 * Optional base class for a plugin's {@code Plugin-Class}. The host's plugin factory calls
 * the {@link PluginContext} constructor, so plugin-wide code (shared pools, caches) can reach
 * the host before any extension starts. Plugins that need nothing plugin-wide omit
 * {@code Plugin-Class} altogether.
 */
public abstract class SwipeloopPlugin extends Plugin {
    protected final PluginContext context;

    protected SwipeloopPlugin(PluginContext context) {
        this.context = context;
    }

    public PluginContext context() {
        return context;
    }
}
