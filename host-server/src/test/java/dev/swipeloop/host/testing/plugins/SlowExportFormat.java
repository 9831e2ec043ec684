package dev.swipeloop.host.testing.plugins;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.plugin.PluginContext;
import java.io.IOException;
import java.io.OutputStream;

/** A format that takes two seconds, so that a test can act while an export is still running. */
public class SlowExportFormat implements ExportFormat {
    @Override
    public String id() {
        return "slow";
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
        job.rows().forEachRemaining(row -> job.wrote(row, "any"));
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        out.write("done\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
