package dev.swipeloop.host.metrics;

import dev.swipeloop.host.ingest.CommitObserver;
import dev.swipeloop.host.plugin.PluginRegistry;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Everything {@code GET /metrics} shows, in a registry of this host's own (not the library's
 * global one, so two hosts in one JVM, as in tests, keep their numbers apart): requests, the
 * group commit, plugin states, the version, and the JVM and process metrics the Prometheus client
 * names the standard way ({@code jvm_memory_used_bytes}, {@code process_cpu_seconds_total}, …).
 */
public final class HostMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final RequestMetrics requests;
    private final CommitMetrics commits;

    /** @param routeTemplates the API's route templates, in the order Javalin matches them */
    public HostMetrics(PluginRegistry plugins, String hostVersion, List<String> routeTemplates) {
        JvmMetrics.builder().register(registry);
        Info.builder()
                .name("swipeloop_build_info")
                .help("The version of the Swipeloop host")
                .labelNames("version")
                .register(registry)
                .addLabelValues(hostVersion);
        PluginMetrics.register(registry, plugins);
        this.requests = new RequestMetrics(registry, new RouteTemplates(routeTemplates));
        this.commits = new CommitMetrics(registry);
    }

    /** Give this to the group-commit writer. */
    public CommitObserver commits() {
        return commits;
    }

    /** Reports the writer's queue ({@code queuedVotes}) at every scrape. */
    public void watchCommitQueue(IntSupplier queuedVotes) {
        commits.watchQueue(queuedVotes);
    }

    /** A Javalin request logger: records one answered request. */
    public void requestAnswered(Context ctx, Float millis) {
        requests.answered(ctx, millis);
    }

    MetricSnapshots scrape() {
        return registry.scrape();
    }
}
