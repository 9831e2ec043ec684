package dev.swipeloop.host.plugin;

import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.reward.RewardPolicy;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.List;
import java.util.Optional;

/**
 * The extensions the host resolved once, at start-up, from the loaded plugins (PF4J makes a
 * new instance on every getExtensions call, so the host never asks twice). Only started
 * extensions are offered; failed ones appear in {@link #statuses()} with their reason.
 */
public interface PluginRegistry {
    StorageBackend storage();

    List<RewardPolicy> rewardPolicies();

    List<ExportFormat> exportFormats();

    Optional<ExportFormat> exportFormat(String id);

    /** Every plugin the host found, in load order, with its state. */
    List<PluginStatus> statuses();

    /** Every extension of the plugins the host started, with its settings; default: none known. */
    default List<ExtensionSettings> extensionSettings() {
        return List.of();
    }
}
