package dev.swipeloop.host.testing.plugins;

import dev.swipeloop.sdk.plugin.PluginContext;
import dev.swipeloop.sdk.plugin.SwipeloopPlugin;

/** A Plugin-Class that records the context the host's plugin factory handed it. */
public class ContextRecordingPlugin extends SwipeloopPlugin {
    public static final String PROPERTY = "swipeloop.test.pluginContext";

    public ContextRecordingPlugin(PluginContext context) {
        super(context);
        System.setProperty(PROPERTY, context.pluginId() + "|" + context.dataDirectory() + "|" + context.hostVersion());
    }
}
