package dev.swipeloop.host.metrics;

import dev.swipeloop.host.plugin.PluginRegistry;
import dev.swipeloop.host.plugin.PluginStatus;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each plugin's state as a state set: one series per state, 1 for the plugin's own and 0 for the
 * others, so {@code swipeloop_plugin_state{state="FAILED"} == 1} and
 * {@code swipeloop_plugin_state{state="STARTED"} == 0} both work as alerts. Plus which storage runs.
 */
final class PluginMetrics {
    /** PF4J's plugin states and the host's own FAILED; a state outside these gets a series too. */
    static final List<String> STATES = List.of("CREATED", "DISABLED", "RESOLVED", "STARTED", "STOPPED", "FAILED",
            "UNLOADED");

    private PluginMetrics() {
    }

    static void register(PrometheusRegistry registry, PluginRegistry plugins) {
        GaugeWithCallback.builder()
                .name("swipeloop_plugin_state")
                .help("1 for the state each plugin is in, 0 for the others (STARTED when it works, FAILED with the"
                        + " reason in /health)")
                .labelNames("plugin", "version", "state")
                .callback(callback -> {
                    for (PluginStatus status : plugins.statuses()) {
                        Set<String> states = new LinkedHashSet<>(STATES);
                        states.add(status.state());
                        for (String state : states) {
                            callback.call(state.equals(status.state()) ? 1 : 0, status.id(), status.version(), state);
                        }
                    }
                })
                .register(registry);
        Info storage = Info.builder()
                .name("swipeloop_storage_info")
                .help("The storage backend in use (its extension id) and the plugin that brings it")
                .labelNames("storage", "plugin")
                .register(registry);
        if (plugins.storage() != null) {
            storage.addLabelValues(plugins.storage().id(), plugins.storagePlugin().map(PluginStatus::id).orElse(""));
        }
    }
}
