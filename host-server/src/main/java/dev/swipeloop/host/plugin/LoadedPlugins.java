package dev.swipeloop.host.plugin;

import dev.swipeloop.host.StartupException;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.sdk.PluginStartException;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.config.ConfigKey;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.plugin.SwipeloopExtension;
import dev.swipeloop.sdk.reward.RewardPolicy;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the plugins, resolves every extension once, validates its settings against its
 * {@code ConfigSpec} and starts it. A failing reward policy or export format is recorded as
 * {@code FAILED} with its reason and the host serves on; the storage backend is the one
 * extension the host cannot do without, so its failure ends start-up with a one-line reason.
 */
public final class LoadedPlugins implements PluginRegistry, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoadedPlugins.class);
    private static final List<Class<? extends SwipeloopExtension>> ROLES =
            List.of(StorageBackend.class, RewardPolicy.class, ExportFormat.class);

    private final HostPluginManager manager;
    private final Map<String, PluginStatus> statuses = new LinkedHashMap<>();
    /** Started extensions other than the storage backend, in start order. */
    private final List<SwipeloopExtension> started = new ArrayList<>();
    private final List<RewardPolicy> rewardPolicies = new ArrayList<>();
    private final List<ExportFormat> exportFormats = new ArrayList<>();
    private final List<ExtensionSettings> extensionSettings = new ArrayList<>();
    private StorageBackend storage;

    private LoadedPlugins(HostPluginManager manager) {
        this.manager = manager;
    }

    /**
     * @param storageId the {@code storage} setting: which StorageBackend to start
     * @throws StartupException when the storage backend is missing, misconfigured or fails
     */
    public static LoadedPlugins load(Path pluginsRoot, Path dataDir, String hostVersion, String storageId,
                                     SettingSources settings) {
        if (!Files.isDirectory(pluginsRoot)) {
            throw new StartupException("plugins directory " + pluginsRoot + " does not exist; fix "
                    + SettingSources.describe("pluginsDir"));
        }
        HostPluginContext base = new HostPluginContext(null, hostVersion, dataDir, null);
        HostPluginManager manager = new HostPluginManager(pluginsRoot, hostVersion,
                id -> new HostPluginContext(id, hostVersion, dataDir, null));
        LoadedPlugins loaded = new LoadedPlugins(manager);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            loaded.resolve(base, storageId, settings);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
        return loaded;
    }

    private void resolve(HostPluginContext base, String storageId, SettingSources settings) {
        List<String> storageIds = new ArrayList<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            String pluginId = plugin.getPluginId();
            String version = plugin.getDescriptor().getVersion();
            if (plugin.getPluginState() != PluginState.STARTED) {
                Throwable failure = plugin.getFailedException();
                statuses.put(pluginId, new PluginStatus(pluginId, version, plugin.getPluginState().toString(), List.of(),
                        failure == null ? null : oneLine(failure)));
                continue;
            }
            List<String> extensionIds = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Class<? extends SwipeloopExtension> role : ROLES) {
                for (SwipeloopExtension extension : manager.getExtensions(role, pluginId)) {
                    String id;
                    try {
                        id = extension.id();
                    } catch (RuntimeException | LinkageError e) {
                        failures.add(extension.getClass().getName() + ": id() failed: " + oneLine(e));
                        continue;
                    }
                    extensionIds.add(id);
                    HostPluginContext context = base.forPlugin(pluginId).forExtension(id);
                    boolean inUse = !(extension instanceof StorageBackend) || id.equals(storageId);
                    extensionSettings.add(describe(pluginId, role, extension, id, settings, inUse));
                    if (extension instanceof StorageBackend backend) {
                        storageIds.add(id);
                        if (id.equals(storageId) && storage != null) {
                            failures.add(id + ": another plugin already provides storage '" + id + "'; remove one of them");
                        } else if (id.equals(storageId)) {
                            startStorage(backend, context, settings);
                        }
                        continue;
                    }
                    String failure = tryStart(extension, context, settings);
                    if (failure != null) {
                        failures.add(id + ": " + failure);
                        log.error("Extension '{}' of plugin '{}' failed; the host serves on without it: {}",
                                id, pluginId, failure);
                    } else if (extension instanceof RewardPolicy policy) {
                        rewardPolicies.add(policy);
                    } else if (extension instanceof ExportFormat format) {
                        exportFormats.add(format);
                    }
                }
            }
            String state = failures.isEmpty() ? PluginState.STARTED.toString() : "FAILED";
            statuses.put(pluginId, new PluginStatus(pluginId, version, state, extensionIds,
                    failures.isEmpty() ? null : String.join("; ", failures)));
        }
        if (storage == null) {
            throw new StartupException("no storage backend '" + storageId + "' is installed (found: "
                    + (storageIds.isEmpty() ? "none" : String.join(", ", storageIds)) + "); fix "
                    + SettingSources.describe("storage") + " or add its plugin to the plugins directory");
        }
    }

    private void startStorage(StorageBackend backend, HostPluginContext context, SettingSources settings) {
        try {
            Config config = backend.configSpec().parse(raw(backend, settings));
            backend.start(context, config);
        } catch (ConfigException e) {
            throw new StartupException("storage '" + backend.id() + "' is misconfigured: " + e.errors().stream()
                    .map(err -> context.settingName(err.key()) + " " + err.message())
                    .collect(Collectors.joining("; ")), e);
        } catch (PluginStartException e) {
            throw new StartupException("storage '" + backend.id() + "' failed to start: " + oneLine(e)
                    + (e.setting() == null || e.getMessage().contains(e.setting()) ? "" : "; fix " + e.setting()), e);
        } catch (RuntimeException e) {
            throw new StartupException("storage '" + backend.id() + "' failed to start: " + oneLine(e)
                    + "; check its settings (plugin." + backend.id() + ".*)", e);
        }
        storage = backend;
    }

    /** Starts a non-storage extension; returns why it failed, or null. */
    private String tryStart(SwipeloopExtension extension, HostPluginContext context, SettingSources settings) {
        try {
            Config config = extension.configSpec().parse(raw(extension, settings));
            extension.start(context, config);
            started.add(extension);
            return null;
        } catch (ConfigException e) {
            return "invalid config: " + e.errors().stream()
                    .map(err -> "plugin." + extension.id() + "." + err.key() + " " + err.message())
                    .collect(Collectors.joining("; "));
        } catch (RuntimeException | LinkageError e) {
            return oneLine(e);
        }
    }

    /**
     * The extension's settings as the dashboard shows them: declared, given, and refused (for an
     * extension in use; validating the settings of a storage backend not chosen would only alarm).
     */
    private static ExtensionSettings describe(String pluginId, Class<? extends SwipeloopExtension> role,
                                              SwipeloopExtension extension, String id, SettingSources settings,
                                              boolean inUse) {
        String kind = role == StorageBackend.class ? "storage" : role == RewardPolicy.class ? "reward" : "export";
        try {
            ConfigSpec spec = extension.configSpec();
            Map<String, String> given = raw(extension, settings);
            return new ExtensionSettings(pluginId, kind, id, spec.keys(), Map.copyOf(given),
                    inUse ? spec.validate(given) : List.of());
        } catch (RuntimeException | LinkageError e) {
            return new ExtensionSettings(pluginId, kind, id, List.of(), Map.of(), List.of());
        }
    }

    private static Map<String, String> raw(SwipeloopExtension extension, SettingSources settings) {
        List<String> keys = extension.configSpec().keys().stream().map(ConfigKey::name).toList();
        return settings.under("plugin." + extension.id() + ".", keys);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    @Override
    public StorageBackend storage() {
        return storage;
    }

    @Override
    public List<RewardPolicy> rewardPolicies() {
        return List.copyOf(rewardPolicies);
    }

    @Override
    public List<ExportFormat> exportFormats() {
        return List.copyOf(exportFormats);
    }

    @Override
    public Optional<ExportFormat> exportFormat(String id) {
        return exportFormats.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    @Override
    public List<PluginStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    @Override
    public List<ExtensionSettings> extensionSettings() {
        return List.copyOf(extensionSettings);
    }

    /** Closes extensions in reverse start order, the storage backend last, then stops the plugins. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            closeQuietly(started.get(i));
        }
        started.clear();
        if (storage != null) {
            closeQuietly(storage);
            storage = null;
        }
        manager.stopPlugins();
    }

    private static void closeQuietly(SwipeloopExtension extension) {
        try {
            extension.close();
        } catch (RuntimeException e) {
            log.warn("Extension '{}' failed to close: {}", extension.id(), oneLine(e));
        }
    }
}
