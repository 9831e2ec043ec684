package dev.swipeloop.sdk.export;

import java.util.Map;

/** Options of one export run, as the user gave them (format-specific keys included). */
public record ExportOptions(String appId, Map<String, String> values) {
    public ExportOptions {
        values = Map.copyOf(values);
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }
}
