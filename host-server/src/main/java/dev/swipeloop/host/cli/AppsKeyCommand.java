package dev.swipeloop.host.cli;

import com.google.gson.JsonObject;
import dev.swipeloop.host.HostVersion;
import dev.swipeloop.host.SwipeloopHost;
import dev.swipeloop.host.apps.AppEditor;
import dev.swipeloop.host.apps.AppEditor.KeyKind;
import dev.swipeloop.host.apps.AppSummary;
import dev.swipeloop.host.apps.UnknownAppException;
import dev.swipeloop.host.plugin.LoadedPlugins;
import dev.swipeloop.sdk.model.App;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code apps rotate-key}, {@code apps revoke-key} and {@code apps rotate-signing-secret}: what the
 * dashboard's apps page does to a key, from the server's shell, for an owner locked out of the
 * dashboard (a leaked secret key revoked, then a new one made). Works with or without a server on the same data; a running
 * server refuses the old key within its app cache's TTL.
 */
final class AppsKeyCommand {
    private AppsKeyCommand() {
    }

    /** Prints {@code {"app","kind","key"}}: the new key, shown this once. */
    static int rotate(Args args, PrintStream out) {
        String appId = appId(args);
        KeyKind kind = kind(args, List.of(KeyKind.SECRET, KeyKind.PUBLISHABLE, KeyKind.SIGNING));
        try (LoadedPlugins plugins = load(args)) {
            AppEditor.Rotated rotated = editor(plugins).rotate(appId, kind);
            JsonObject json = new JsonObject();
            json.addProperty("app", appId);
            json.addProperty("kind", kind.wireName());
            json.addProperty("key", rotated.key());
            out.println(json);
        }
        return 0;
    }

    /** {@code apps rotate-signing-secret} (from #6): prints {@code {"app","signingSecret"}}, shown this once. */
    static int rotateSigningSecret(Args args, PrintStream out) {
        String appId = appId(args);
        try (LoadedPlugins plugins = load(args)) {
            AppEditor.Rotated rotated = editor(plugins).rotate(appId, KeyKind.SIGNING);
            JsonObject json = new JsonObject();
            json.addProperty("app", appId);
            json.addProperty("signingSecret", rotated.key());
            out.println(json);
        }
        return 0;
    }

    /** Prints the app as {@code GET /v1/admin/apps} shows it, the key now revoked. */
    static int revoke(Args args, PrintStream out) {
        String appId = appId(args);
        KeyKind kind = kind(args, List.of(KeyKind.SECRET, KeyKind.PUBLISHABLE));
        try (LoadedPlugins plugins = load(args)) {
            out.println(AppSummary.toJson(editor(plugins).revoke(appId, kind)));
        }
        return 0;
    }

    private static AppEditor editor(LoadedPlugins plugins) {
        // No app cache in this process: a running server reads the change within its cache's TTL.
        return new AppEditor(plugins.storage(), app -> { });
    }

    private static LoadedPlugins load(Args args) {
        HostConfigLoader config = HostConfigLoader.load(args, "app", "kind");
        SwipeloopHost.createDataDir(config.settings().dataDir());
        LoadedPlugins plugins = LoadedPlugins.load(SwipeloopHost.pluginsDir(config.settings()),
                config.settings().dataDir(), HostVersion.get(), config.settings().storage(), config.sources());
        String appId = args.last("app");
        if (plugins.storage().app(appId).isEmpty()) {
            List<App> apps = plugins.storage().apps();
            plugins.close();
            throw new UsageException(new UnknownAppException(appId).getMessage() + " (apps: "
                    + (apps.isEmpty() ? "none" : String.join(", ", apps.stream().map(App::id).toList())) + ")");
        }
        return plugins;
    }

    private static String appId(Args args) {
        String appId = args.last("app");
        if (appId == null || appId.isBlank() || appId.equals("true")) {
            throw new UsageException("--app is required (the app's id, \"app\" in the output of 'swipeloop apps create')");
        }
        return appId;
    }

    private static KeyKind kind(Args args, List<KeyKind> allowed) {
        String text = args.last("kind");
        List<String> names = allowed.stream().map(KeyKind::wireName).toList();
        for (KeyKind kind : allowed) {
            if (kind.wireName().equals(text)) {
                return kind;
            }
        }
        throw new UsageException("--kind must be one of " + String.join(", ", names)
                + (text == null ? "" : " (was '" + text + "')"));
    }
}
