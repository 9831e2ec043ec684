package dev.swipeloop.host.plugin;

import java.util.List;

/**
 * How one plugin fared, as {@code /health} reports it. {@code state} is PF4J's plugin state
 * ({@code STARTED}, {@code STOPPED}, {@code DISABLED}, …) or {@code FAILED}, with
 * {@code reason} saying why in one line a site owner can act on.
 */
public record PluginStatus(String id, String version, String state, List<String> extensions, String reason) {
}
