package dev.swipeloop.host.plugin;

import dev.swipeloop.host.StartupException;
import dev.swipeloop.host.config.ConfigReference.ExtensionEntry;
import dev.swipeloop.host.config.ConfigReference.Kind;
import dev.swipeloop.host.config.ConfigReference.PluginEntry;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.plugin.SwipeloopExtension;
import dev.swipeloop.sdk.reward.RewardPolicy;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * What the installed plugins declare, read the way {@code serve} loads them but without starting
 * a single extension: no database is opened and nothing is written but PF4J's unpacking of zips.
 * For the configuration reference, so plugins come sorted by id and extensions by kind then id
 * (PF4J finds them in no fixed order).
 */
public final class PluginCatalog {
    private static final Map<Kind, Class<? extends SwipeloopExtension>> ROLES =
            Map.of(Kind.STORAGE, StorageBackend.class, Kind.REWARD, RewardPolicy.class, Kind.EXPORT, ExportFormat.class);

    private PluginCatalog() {
    }

    public static List<PluginEntry> read(Path pluginsRoot, Path dataDir, String hostVersion) {
        if (!Files.isDirectory(pluginsRoot)) {
            throw new StartupException("plugins directory " + pluginsRoot + " does not exist; fix "
                    + SettingSources.describe("pluginsDir"));
        }
        HostPluginManager manager = new HostPluginManager(pluginsRoot, hostVersion,
                id -> new HostPluginContext(id, hostVersion, dataDir, null));
        try {
            manager.loadPlugins();
            manager.startPlugins();
            return manager.getPlugins().stream()
                    .map(plugin -> entry(manager, plugin))
                    .sorted(Comparator.comparing(PluginEntry::id))
                    .toList();
        } finally {
            manager.stopPlugins();
        }
    }

    private static PluginEntry entry(HostPluginManager manager, PluginWrapper plugin) {
        String id = plugin.getPluginId();
        String version = plugin.getDescriptor().getVersion();
        String description = plugin.getDescriptor().getPluginDescription();
        description = description == null ? "" : description;
        if (plugin.getPluginState() != PluginState.STARTED) {
            Throwable failure = plugin.getFailedException();
            return new PluginEntry(id, version, description, plugin.getPluginState()
                    + (failure == null ? "" : ": " + failure.getMessage()), List.of());
        }
        List<ExtensionEntry> extensions = new ArrayList<>();
        try {
            for (Kind kind : Kind.values()) {
                for (SwipeloopExtension extension : manager.getExtensions(ROLES.get(kind), id)) {
                    extensions.add(extension(kind, extension));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return new PluginEntry(id, version, description, "an extension failed to declare its settings: " + e,
                    List.of());
        }
        extensions.sort(Comparator.comparing(ExtensionEntry::kind).thenComparing(ExtensionEntry::id));
        return new PluginEntry(id, version, description, null, List.copyOf(extensions));
    }

    private static ExtensionEntry extension(Kind kind, SwipeloopExtension extension) {
        ConfigSpec none = new ConfigSpec();
        return new ExtensionEntry(kind, extension.id(), extension.description(), extension.configSpec(),
                extension instanceof RewardPolicy policy ? policy.appSpec() : none,
                extension instanceof ExportFormat format ? format.optionSpec() : none);
    }
}
