package dev.swipeloop.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgsTest {
    @Test
    void flagsBecomeSettingKeys() {
        Args args = Args.parse(List.of("--port", "8080", "--plugins-dir=/opt/p", "--limits.max-body-bytes", "2048",
                "--trust-proxy", "--plugin.sqlite.read-connections", "2"));
        assertEquals(Map.of("port", "8080", "pluginsDir", "/opt/p", "limits.maxBodyBytes", "2048", "trustProxy", "true",
                "plugin.sqlite.readConnections", "2"), args.settings());
    }

    @Test
    void repeatedFlagsAreKeptInOrderAndTheLastWinsAsASetting() {
        Args args = Args.parse(List.of("--origin", "https://a.example", "--origin", "https://b.example", "--name", "x"));
        assertEquals(List.of("https://a.example", "https://b.example"), args.all("origin"));
        assertEquals(Map.of("name", "x"), args.settings("origin"));
        assertEquals("https://b.example", args.last("origin"));
    }
}
