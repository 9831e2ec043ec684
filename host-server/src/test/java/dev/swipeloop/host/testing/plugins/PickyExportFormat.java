package dev.swipeloop.host.testing.plugins;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportOptions;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.plugin.PluginContext;
import java.io.OutputStream;
import java.util.Iterator;

/** An export format with required and range-checked settings, to see invalid config reported. */
public class PickyExportFormat implements ExportFormat {
    @Override
    public String id() {
        return "picky";
    }

    @Override
    public ConfigSpec configSpec() {
        return new ConfigSpec()
                .define("bucket", ConfigType.STRING, null, true, "Where exports are uploaded")
                .define("maxRows", ConfigType.INT, 10, false, "Rows per file", Validator.range(1, 1000));
    }

    @Override
    public void start(PluginContext context, Config config) {
        throw new AssertionError("start must not be called with invalid config");
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
    public void write(Iterator<ExportRow> rows, ExportOptions options, OutputStream out) {
        throw new AssertionError("never started, never called");
    }
}
