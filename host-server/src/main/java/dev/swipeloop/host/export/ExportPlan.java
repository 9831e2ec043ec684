package dev.swipeloop.host.export;

import dev.swipeloop.host.hosts.HeldLease;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportOptions;

/**
 * Everything decided before an export writes its first byte: the app, the format, the options
 * (validated), and the seq range {@code (afterSeq, lastSeq]} fixed at that moment, so every pass
 * over the rows sees the same votes and a named cursor moves to exactly where this export ended.
 * A plan with a named cursor holds it until closed: close every plan, delivered or not.
 *
 * @param cursorName the cursor as stored: the option's name, plus {@code @split} when only one
 *                   split is written, so that each split keeps its own place
 * @param imageUrlBase prefixed to image URLs that are only a path ({@code /media/…}), so that the
 *                     export carries URLs a pipeline can fetch; null leaves them as they are
 */
public record ExportPlan(String appId, ExportFormat format, String formatVersion, ExportOptions options,
                         CommonOptions common, Config formatOptions, long afterSeq, long lastSeq,
                         String cursorName, HeldLease cursorLease, String imageUrlBase)
        implements AutoCloseable {

    /** A file name for the output: {@code <app>-<format>-<lastSeq>.<ext>}. */
    public String fileName() {
        return appId + "-" + format.id() + "-" + lastSeq + "." + format.fileExtension();
    }

    /** Lets go of the cursor, if any; the cursor itself moves only through {@link Exporter#delivered}. */
    @Override
    public void close() {
        if (cursorLease != null) {
            cursorLease.release();
        }
    }
}
