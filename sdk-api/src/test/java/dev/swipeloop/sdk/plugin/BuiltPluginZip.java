package dev.swipeloop.sdk.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * The plugin zip a module has just built, loaded by PF4J from a plugins directory as the host
 * loads it, for the module's {@code *IT} (which runs in {@code verify}, after {@code package}
 * built and checked the archive). The zip is found through the {@code swipeloop.plugin.zip}
 * system property that the module's failsafe configuration sets.
 */
public final class BuiltPluginZip {
    private BuiltPluginZip() {
    }

    /** Copies the zip into {@code pluginsDir}, loads and starts it, and checks that it started. */
    public static PluginManager load(String pluginId, Path pluginsDir) {
        Path zip = Path.of(System.getProperty("swipeloop.plugin.zip", "target/" + pluginId + "-0.1.0.zip"));
        assertTrue(Files.isRegularFile(zip), zip + " is missing: run mvn verify, which packages it first");
        try {
            Files.copy(zip, pluginsDir.resolve(zip.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PluginManager plugins = new DefaultPluginManager(pluginsDir);
        plugins.loadPlugins();
        plugins.startPlugins();
        assertEquals(PluginState.STARTED, plugins.getPlugin(pluginId).getPluginState());
        return plugins;
    }

    /** Stops and unloads what {@link #load} loaded; null is ignored. */
    public static void unload(PluginManager plugins) {
        if (plugins != null) {
            plugins.stopPlugins();
            plugins.unloadPlugins();
        }
    }
}
