package dev.swipeloop.host.cli;

import com.google.gson.JsonObject;
import dev.swipeloop.host.HostVersion;
import dev.swipeloop.host.SwipeloopHost;
import dev.swipeloop.host.apps.AppKeys;
import dev.swipeloop.host.plugin.LoadedPlugins;
import dev.swipeloop.sdk.SwipeloopException;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code apps rotate-signing-secret}: replaces an app's signing secret with a fresh one, made
 * as {@code apps create} makes it, and prints it once. Tokens signed with the old secret are
 * refused from then on (a running host reads the new one within its app cache's TTL), which is
 * the point when the old secret leaked. Works with or without a server on the same data.
 */
final class AppsRotateSigningSecretCommand {
    private AppsRotateSigningSecretCommand() {
    }

    static int run(Args args, PrintStream out) {
        String appId = args.last("app");
        if (appId == null || appId.isBlank() || appId.equals("true")) {
            throw new UsageException("--app is required (the app's id, \"app\" in the output of 'swipeloop apps create')");
        }
        HostConfigLoader config = HostConfigLoader.load(args, "app");
        SwipeloopHost.createDataDir(config.settings().dataDir());
        try (LoadedPlugins plugins = LoadedPlugins.load(SwipeloopHost.pluginsDir(config.settings()),
                config.settings().dataDir(), HostVersion.get(), config.settings().storage(), config.sources())) {
            StorageBackend storage = plugins.storage();
            if (storage.app(appId).isEmpty()) {
                throw new UsageException("no app '" + appId + "' in this storage (apps: " + appIds(storage.apps()) + ")");
            }
            String signingSecret = AppKeys.newSigningSecret();
            try {
                storage.replaceSigningSecret(appId, signingSecret);
            } catch (UnsupportedOperationException e) {
                throw new SwipeloopException(e.getMessage() + "; the app keeps its old signing secret");
            }
            JsonObject json = new JsonObject();
            json.addProperty("app", appId);
            json.addProperty("signingSecret", signingSecret);
            out.println(json);
        }
        return 0;
    }

    private static String appIds(List<App> apps) {
        return apps.isEmpty() ? "none" : String.join(", ", apps.stream().map(App::id).toList());
    }
}
