package dev.swipeloop.host.demo;

import com.google.gson.Gson;
import dev.swipeloop.host.apps.AppCreator;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes sure the demo app and its deck exist: created on the first run, reused afterwards.
 * The demo's secret key is kept in plain text under the data directory, unlike real apps':
 * printing it on every start is the point of a demo.
 */
public final class DemoSeeder {
    private static final Gson GSON = new Gson();

    private DemoSeeder() {
    }

    /**
     * @param origins  where the demo page is served from: the server itself
     * @param policies the ids of the reward policies the host runs (rewards are turned on when the bundled ones are)
     */
    public static DemoApp seed(StorageBackend storage, DemoSite site, Path dataDir, List<String> origins,
                               List<String> policies) {
        Path keysFile = dataDir.resolve("demo").resolve("demo-app.json");
        DemoApp demo = readKeys(keysFile);
        // A demo app made for another port would refuse this page's origin: make a fresh one.
        if (demo == null || storage.app(demo.appId()).filter(a -> a.allowedOrigins().containsAll(origins)).isEmpty()) {
            AppCreator.CreatedApp created = new AppCreator(storage).create("Swipeloop demo", origins);
            demo = new DemoApp(created.app().id(), created.publishableKey(), created.secretKey());
            writeKeys(keysFile, demo);
        }
        storage.upsertItems(DemoDeck.create(demo.appId(), site.imageDir()));
        DemoRewards.offer(storage, demo.appId(), policies);
        site.ready(demo, storage);
        return demo;
    }

    private static DemoApp readKeys(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), DemoApp.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void writeKeys(Path file, DemoApp demo) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, GSON.toJson(demo), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
