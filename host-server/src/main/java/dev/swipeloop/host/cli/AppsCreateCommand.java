package dev.swipeloop.host.cli;

import dev.swipeloop.host.HostVersion;
import dev.swipeloop.host.SwipeloopHost;
import dev.swipeloop.host.apps.AppCreator;
import dev.swipeloop.host.apps.InvalidOriginException;
import dev.swipeloop.host.plugin.LoadedPlugins;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code apps create}: makes an app in the configured storage and prints its keys as one JSON
 * object. The secret key and signing secret are shown this once; only a hash of the secret key
 * is stored.
 */
final class AppsCreateCommand {
    private AppsCreateCommand() {
    }

    static int run(Args args, PrintStream out) {
        String name = args.last("name");
        List<String> origins = args.all("origin");
        if (name == null || name.isBlank() || name.equals("true")) {
            throw new UsageException("--name is required");
        }
        if (origins.isEmpty()) {
            throw new UsageException("at least one --origin is required (the site that embeds the widget, e.g. https://example.com)");
        }
        HostConfigLoader config = HostConfigLoader.load(args, "name", "origin");
        SwipeloopHost.createDataDir(config.settings().dataDir());
        try (LoadedPlugins plugins = LoadedPlugins.load(SwipeloopHost.pluginsDir(config.settings()),
                config.settings().dataDir(), HostVersion.get(), config.settings().storage(), config.sources())) {
            AppCreator.CreatedApp created = new AppCreator(plugins.storage()).create(name, origins);
            out.println(created.toJson());
        } catch (InvalidOriginException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }
}
