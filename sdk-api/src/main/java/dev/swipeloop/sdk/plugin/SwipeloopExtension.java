package dev.swipeloop.sdk.plugin;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import org.pf4j.ExtensionPoint;

/**
 * What every Swipeloop extension has in common. Each role ({@code StorageBackend},
 * {@code RewardPolicy}, {@code ExportFormat}) extends this.
 *
 * <h2>Lifecycle</h2>
 * The host creates one instance per extension and keeps it for its whole life:
 * <ol>
 *   <li>{@link #configSpec()} is read and the operator's settings are validated against it;
 *       every error is reported at once and {@code start} is not called.</li>
 *   <li>{@link #start(PluginContext, Config)} once, before any other call.</li>
 *   <li>role methods, from many threads unless the role's Javadoc says otherwise.</li>
 *   <li>{@link #close()} once, at shutdown, after the last role call has returned.</li>
 * </ol>
 * An exception from {@code start} marks the extension {@code FAILED}; the host keeps serving
 * (except for the storage backend, without which it cannot).
 */
public interface SwipeloopExtension extends ExtensionPoint, AutoCloseable {
    /** Stable, lower-case id used in configuration and URLs, e.g. {@code sqlite}, {@code jsonl}. */
    String id();

    /** One line for {@code /health} and the configuration reference. */
    default String description() {
        return "";
    }

    /** The settings this extension accepts. Default: none. */
    default ConfigSpec configSpec() {
        return new ConfigSpec();
    }

    void start(PluginContext context, Config config);

    @Override
    default void close() {
    }
}
