package dev.swipeloop.host.export;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportOptions;

/**
 * Everything decided before an export writes its first byte: the app, the format, the options
 * (validated), and the seq range {@code (afterSeq, lastSeq]} fixed at that moment, so every pass
 * over the rows sees the same votes and a named cursor moves to exactly where this export ended.
 */
public record ExportPlan(String appId, ExportFormat format, String formatVersion, ExportOptions options,
                  CommonOptions common, Config formatOptions, long afterSeq, long lastSeq) {

    /** A file name for the output: {@code <app>-<format>-<lastSeq>.<ext>}. */
    public String fileName() {
        return appId + "-" + format.id() + "-" + lastSeq + "." + format.fileExtension();
    }
}
