package dev.swipeloop.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.apps.AppDirectory;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.HostProcess;
import dev.swipeloop.host.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apps revoke-key} and {@code apps rotate-key}: an owner locked out of the dashboard acts from the shell. */
class AppsKeyCommandIT {
    @TempDir
    Path dir;

    HostProcess command(Path data, Path plugins, String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("--data", data.toString(), "--plugins-dir", plugins.toString()));
        HostProcess process = HostProcess.launch(dir, argv);
        process.waitFor(Duration.ofSeconds(60));
        return process;
    }

    /** The running server reads the change within its app cache's TTL, as the help text promises. */
    static HttpResponse<String> within(Duration ttl, int status, Supplier<HttpResponse<String>> request)
            throws InterruptedException {
        long deadline = System.nanoTime() + ttl.plusSeconds(3).toNanos();
        HttpResponse<String> res = request.get();
        while (res.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            res = request.get();
        }
        return res;
    }

    @Test
    void aLeakedSecretKeyIsRevokedThenReplacedWhileTheServerRuns() throws Exception {
        Path data = dir.resolve("data");
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        HostProcess create = command(data, plugins, "apps", "create", "--name", "Locked out", "--origin",
                "https://locked.example");
        assertEquals(0, create.waitFor(Duration.ofSeconds(1)), create.stderr());
        JsonObject created = JsonParser.parseString(create.stdout().strip()).getAsJsonObject();
        String app = created.get("app").getAsString();
        String leaked = created.get("secretKey").getAsString();

        try (HostProcess serve = HostProcess.launch(dir, List.of("serve", "--port", "0", "--bind", "127.0.0.1",
                "--data", data.toString(), "--plugins-dir", plugins.toString()))) {
            Http http = new Http("http://127.0.0.1:" + serve.awaitReady(Duration.ofSeconds(60)));
            assertEquals(200, http.get("/v1/stats", leaked).statusCode());

            HostProcess revoke = command(data, plugins, "apps", "revoke-key", "--app", app, "--kind", "secret");
            assertEquals(0, revoke.waitFor(Duration.ofSeconds(1)), revoke.stderr());
            JsonObject listed = JsonParser.parseString(revoke.stdout().strip()).getAsJsonObject();
            assertEquals(app, listed.get("id").getAsString());
            assertFalse(listed.get("secretKeyActive").getAsBoolean());
            assertEquals(created.get("publishableKey").getAsString(), listed.get("publishableKey").getAsString());
            assertEquals(401, within(AppDirectory.DEFAULT_TTL, 401, () -> http.get("/v1/stats", leaked)).statusCode());

            HostProcess rotate = command(data, plugins, "apps", "rotate-key", "--app", app, "--kind", "secret");
            assertEquals(0, rotate.waitFor(Duration.ofSeconds(1)), rotate.stderr());
            assertEquals(1, rotate.stdout().strip().lines().count(), "stdout is exactly one JSON object");
            JsonObject rotated = JsonParser.parseString(rotate.stdout().strip()).getAsJsonObject();
            assertEquals(app, rotated.get("app").getAsString());
            assertEquals("secret", rotated.get("kind").getAsString());
            String fresh = rotated.get("key").getAsString();
            assertTrue(fresh.startsWith("sk_" + app + "_"), fresh);
            assertEquals(200, within(AppDirectory.DEFAULT_TTL, 200, () -> http.get("/v1/stats", fresh)).statusCode());
            assertEquals(401, http.get("/v1/stats", leaked).statusCode(), "the leaked key stays refused");
        }

        HostProcess badKind = command(data, plugins, "apps", "revoke-key", "--app", app, "--kind", "signing");
        assertEquals(2, badKind.waitFor(Duration.ofSeconds(1)));
        assertTrue(badKind.stderr().contains("--kind must be one of secret, publishable"), badKind.stderr());
        HostProcess unknown = command(data, plugins, "apps", "rotate-key", "--app", "nope", "--kind", "secret");
        assertEquals(2, unknown.waitFor(Duration.ofSeconds(1)));
        assertTrue(unknown.stderr().contains("no app 'nope' in this storage"), unknown.stderr());
        assertTrue(unknown.stdout().isEmpty());
        HostProcess help = HostProcess.launch(dir, List.of("apps", "rotate-key", "--help"));
        assertEquals(0, help.waitFor(Duration.ofSeconds(30)));
        assertTrue(help.stdout().contains("Usage: swipeloop apps rotate-key --app ID --kind"), help.stdout());
    }
}
