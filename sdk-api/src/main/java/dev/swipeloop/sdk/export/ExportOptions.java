package dev.swipeloop.sdk.export;

import java.util.List;
import java.util.Map;

/**
 * Options of one export run, as the user gave them: the options every export has (the names
 * in {@link #COMMON}, applied by the host) and the format's own (its
 * {@link ExportFormat#optionSpec()}).
 */
public record ExportOptions(String appId, Map<String, String> values) {

    /**
     * The options the host applies to every format; a format's own options must be named
     * otherwise. Described in {@code docs/exports.md}.
     */
    public static final List<String> COMMON = List.of(
            "since", "until", "model", "minVotes", "excludeFlagged", "splits", "split", "derivedPairs",
            "afterSeq", "cursor", "fetchMedia");

    public ExportOptions {
        values = Map.copyOf(values);
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }
}
