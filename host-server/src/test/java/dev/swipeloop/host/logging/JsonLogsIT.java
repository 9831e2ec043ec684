package dev.swipeloop.host.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Dist;
import dev.swipeloop.host.testing.HostProcess;
import dev.swipeloop.host.testing.VoteClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** log.format=json on the real host process: every stderr line is one JSON object; text stays the default. */
class JsonLogsIT {
    @TempDir
    Path dir;

    @Test
    void aServerStartedAndStoppedWithJsonLogsWritesOnlyJsonLines() {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        int port = VoteClients.freePort();
        HostProcess host = HostProcess.launch(dir.resolve("logs"), List.of("serve", "--log-format", "json",
                "--port", String.valueOf(port), "--bind", "127.0.0.1", "--data", dir.resolve("data").toString(),
                "--plugins-dir", plugins.toString()));
        assertEquals(port, host.awaitReady(Duration.ofSeconds(60)));
        host.terminate();
        host.waitFor(Duration.ofSeconds(60));

        List<JsonObject> lines = jsonLines(host.stderr());
        JsonObject ready = lines.stream().filter(l -> l.get("msg").getAsString().contains("ready at")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'ready at' line:\n" + host.stderr()));
        assertEquals("INFO", ready.get("level").getAsString());
        assertEquals("dev.swipeloop.host.SwipeloopHost", ready.get("logger").getAsString());
        assertEquals("main", ready.get("thread").getAsString());
        assertTrue(ready.get("ts").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                ready.toString());
        assertTrue(lines.stream().anyMatch(l -> l.get("thread").getAsString().equals("swipeloop-shutdown")),
                "the shutdown logs too");
        // The levels of simplelogger.properties: info, and warn for Jetty.
        assertTrue(lines.stream().noneMatch(l -> l.get("level").getAsString().equals("DEBUG")), host.stderr());
        assertTrue(lines.stream().noneMatch(l -> l.get("logger").getAsString().startsWith("org.eclipse.jetty")
                && l.get("level").getAsString().equals("INFO")), host.stderr());
    }

    @Test
    void theEnvironmentVariableSwitchesACommandToJsonAndStdoutStaysItsOutput() {
        Path plugins = Dist.copyPlugins(dir.resolve("plugins"));
        List<String> create = List.of("apps", "create", "--name", "logs", "--origin", "https://a.example",
                "--data", dir.resolve("data").toString(), "--plugins-dir", plugins.toString());

        HostProcess json = HostProcess.launch(dir.resolve("logs"), Map.of("SWIPELOOP_LOG_FORMAT", "json"), List.of(),
                create);
        assertEquals(0, json.waitFor(Duration.ofSeconds(60)), json.stderr());
        assertFalse(jsonLines(json.stderr()).isEmpty(), "the storage logs its start");
        assertTrue(JsonParser.parseString(json.stdout()).getAsJsonObject().has("secretKey"), json.stdout());

        HostProcess text = HostProcess.launch(dir.resolve("logs"), create);
        assertEquals(0, text.waitFor(Duration.ofSeconds(60)), text.stderr());
        String firstLine = text.stderr().lines().findFirst().orElseThrow();
        assertTrue(firstLine.matches("\\d{4}-\\d\\d-\\d\\dT\\S+ [A-Z]+ .*"), "text is the default: " + firstLine);
    }

    private static List<JsonObject> jsonLines(String stderr) {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonObject json = JsonParser.parseString(line).getAsJsonObject();
                for (String field : List.of("ts", "level", "logger", "thread", "msg")) {
                    assertTrue(json.has(field), field + " missing in " + line);
                }
                lines.add(json);
            } catch (JsonParseException | IllegalStateException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        return lines;
    }
}
