package dev.swipeloop.host.testing.plugins;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.plugin.PluginContext;
import java.io.IOException;
import java.io.OutputStream;

/** A format that writes 256 KiB, enough to start the response, then fails as a broken disk or bug would. */
public class FailingExportFormat implements ExportFormat {
    @Override
    public String id() {
        return "half-written";
    }

    @Override
    public void start(PluginContext context, Config config) {
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void write(ExportJob job, OutputStream out) throws IOException {
        job.rows().forEachRemaining(row -> { });
        byte[] line = "a row that looks fine\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int written = 0; written < 256 * 1024; written += line.length) {
            out.write(line);
        }
        throw new IOException("the format failed half-way");
    }
}
