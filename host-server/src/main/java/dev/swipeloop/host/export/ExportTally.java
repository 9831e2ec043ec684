package dev.swipeloop.host.export;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What an export holds, for its manifest: rows written per split and label (as the format
 * reported them), rows the format left out per reason, and votes the options excluded per
 * reason. Written by the exporting thread, readable from others at any time.
 */
final class ExportTally {
    private final Map<String, Map<String, LongAdder>> written = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> excluded = new ConcurrentHashMap<>();

    void wrote(String split, String label) {
        written.computeIfAbsent(split, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(label, l -> new LongAdder()).increment();
    }

    void skipped(String reason) {
        skipped.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void excluded(String reason) {
        excluded.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Rows written, by split, then by label; sorted for a stable manifest. */
    Map<String, Map<String, Long>> writtenBySplit() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        written.forEach((split, labels) -> out.put(split, snapshot(labels)));
        return out;
    }

    /** Rows written, by label, over all splits. */
    Map<String, Long> writtenByLabel() {
        Map<String, Long> out = new TreeMap<>();
        written.values().forEach(labels -> labels.forEach((label, n) -> out.merge(label, n.sum(), Long::sum)));
        return out;
    }

    long rowsWritten() {
        return writtenByLabel().values().stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Long> skippedByReason() {
        return snapshot(skipped);
    }

    Map<String, Long> excludedByReason() {
        return snapshot(excluded);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((key, n) -> out.put(key, n.sum()));
        return out;
    }
}
