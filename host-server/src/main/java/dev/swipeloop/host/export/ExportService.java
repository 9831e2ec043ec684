package dev.swipeloop.host.export;

import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.hosts.Leases;
import dev.swipeloop.host.media.ExternalMediaFetcher;
import dev.swipeloop.host.media.MediaStore;
import dev.swipeloop.host.plugin.PluginRegistry;
import dev.swipeloop.host.plugin.PluginStatus;
import dev.swipeloop.sdk.export.ExportFormat;
import java.time.Clock;

/**
 * Puts an {@link Exporter} together from the host's settings and plugins, the same way for the
 * CLI and the HTTP API: the started export formats, the media store and the fetcher for images,
 * the rater pseudonym key, the rater-quality flags. Closing it stops the fetcher's client.
 */
public final class ExportService implements AutoCloseable {
    private final ExternalMediaFetcher fetcher;
    private final Exporter exporter;

    private ExportService(ExternalMediaFetcher fetcher, Exporter exporter) {
        this.fetcher = fetcher;
        this.exporter = exporter;
    }

    /**
     * @param flags  the rater-quality flags export rows list and {@code excludeFlagged} leaves out
     * @param leases the leases named cursors are held with while an export runs (the caller closes them)
     */
    public static ExportService open(HostSettings settings, PluginRegistry plugins, String hostVersion,
                                     RaterFlags flags, Leases leases) {
        ExternalMediaFetcher fetcher = ExternalMediaFetcher.open(settings);
        ImageSource images = new MediaImages(MediaStore.open(settings), fetcher);
        Exporter exporter = new Exporter(plugins.storage(), plugins::exportFormat,
                () -> plugins.exportFormats().stream().map(ExportFormat::id).toList(),
                formatId -> pluginVersion(plugins, formatId),
                PseudonymKey.load(settings.exportPseudonymKey(), settings.dataDir()), images, flags,
                settings.publicUrl(), hostVersion, Clock.systemUTC(), leases);
        return new ExportService(fetcher, exporter);
    }

    /** The version of the plugin that brought the format, for the manifest. */
    private static String pluginVersion(PluginRegistry plugins, String formatId) {
        return plugins.statuses().stream()
                .filter(status -> status.extensions().contains(formatId))
                .map(PluginStatus::version)
                .findFirst()
                .orElse("unknown");
    }

    public Exporter exporter() {
        return exporter;
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
