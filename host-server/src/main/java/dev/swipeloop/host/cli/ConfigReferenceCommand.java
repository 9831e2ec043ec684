package dev.swipeloop.host.cli;

import dev.swipeloop.host.HostVersion;
import dev.swipeloop.host.SwipeloopHost;
import dev.swipeloop.host.config.ConfigReference;
import dev.swipeloop.host.config.ConfigReference.ExtensionEntry;
import dev.swipeloop.host.config.ConfigReference.Kind;
import dev.swipeloop.host.config.ConfigReference.PluginEntry;
import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.export.Exporter;
import dev.swipeloop.host.plugin.PluginCatalog;
import dev.swipeloop.host.settings.AppSettings;
import dev.swipeloop.host.settings.RewardPolicySpecs;
import dev.swipeloop.sdk.SwipeloopException;
import dev.swipeloop.sdk.config.ConfigSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code config reference [--out FILE]}: loads the installed plugins as {@code serve} does,
 * without starting them or the server, and prints the configuration reference (host, plugin,
 * app settings and export options) as Markdown, or writes it to {@code FILE}.
 */
final class ConfigReferenceCommand {
    private ConfigReferenceCommand() {
    }

    static int run(Args args, PrintStream out, PrintStream err) {
        HostConfigLoader config = HostConfigLoader.load(args, "out");
        List<PluginEntry> plugins = PluginCatalog.read(SwipeloopHost.pluginsDir(config.settings()),
                config.settings().dataDir(), HostVersion.get());
        String markdown = new ConfigReference(HostSettings.SPEC, plugins, AppSettings.SPEC, AppSettings.READ_ONLY,
                rewardSettings(plugins).keys(), Exporter.commonOptions()).markdown();
        String file = args.last("out");
        if (file == null) {
            out.print(markdown);
            return 0;
        }
        try {
            Files.writeString(Path.of(file), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "its directory does not exist" : e.getMessage();
            throw new SwipeloopException("cannot write " + file + " (" + why + "); check --out", e);
        }
        err.println("swipeloop: wrote the configuration reference to " + file);
        return 0;
    }

    /** The policies' app settings as {@code PATCH /v1/settings} names them. */
    private static RewardPolicySpecs rewardSettings(List<PluginEntry> plugins) {
        Map<String, ConfigSpec> byPolicy = new TreeMap<>();
        for (PluginEntry plugin : plugins) {
            for (ExtensionEntry extension : plugin.extensions()) {
                if (extension.kind() == Kind.REWARD) {
                    byPolicy.put(extension.id(), extension.appSettings());
                }
            }
        }
        return new RewardPolicySpecs(byPolicy);
    }
}
