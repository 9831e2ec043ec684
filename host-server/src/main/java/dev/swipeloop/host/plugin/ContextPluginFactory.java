package dev.swipeloop.host.plugin;

import dev.swipeloop.sdk.plugin.PluginContext;
import dev.swipeloop.sdk.plugin.SwipeloopPlugin;
import java.lang.reflect.Constructor;
import java.util.function.Function;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates a plugin's {@code Plugin-Class}, handing a {@link SwipeloopPlugin} its
 * {@link PluginContext} through the constructor (after pf4j's demo {@code DemoPluginFactory});
 * plain PF4J plugins are created the default way.
 */
final class ContextPluginFactory extends DefaultPluginFactory {
    private final Function<String, PluginContext> contexts;

    ContextPluginFactory(Function<String, PluginContext> contexts) {
        this.contexts = contexts;
    }

    @Override
    protected Plugin createInstance(Class<?> pluginClass, PluginWrapper wrapper) {
        if (!SwipeloopPlugin.class.isAssignableFrom(pluginClass)) {
            return super.createInstance(pluginClass, wrapper);
        }
        try {
            Constructor<?> constructor = pluginClass.getDeclaredConstructor(PluginContext.class);
            constructor.setAccessible(true);
            return (Plugin) constructor.newInstance(contexts.apply(wrapper.getPluginId()));
        } catch (ReflectiveOperationException e) {
            throw new PluginRuntimeException(e, "Plugin class {} of plugin '{}' needs a constructor taking PluginContext",
                    pluginClass.getName(), wrapper.getPluginId());
        }
    }
}
