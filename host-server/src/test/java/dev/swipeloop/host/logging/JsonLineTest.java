package dev.swipeloop.host.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

class JsonLineTest {
    @Test
    void oneEventIsOneLineOfJsonWithTheStackAsOneString() {
        IllegalStateException failure = new IllegalStateException("disk \"full\"", new RuntimeException("cause"));
        String line = JsonLine.of(1_795_787_904_123L, Level.WARN, "dev.swipeloop.X", "worker-1",
                "committing 5 votes failed:\n\tretrying", failure, null);

        assertTrue(line.endsWith("\n"));
        assertEquals(1, line.split("\n", -1).length - 1, "exactly one line: " + line);
        JsonObject json = JsonParser.parseString(line).getAsJsonObject();
        assertEquals("2026-11-27T13:58:24.123Z", json.get("ts").getAsString());
        assertEquals("WARN", json.get("level").getAsString());
        assertEquals("dev.swipeloop.X", json.get("logger").getAsString());
        assertEquals("worker-1", json.get("thread").getAsString());
        assertEquals("committing 5 votes failed:\n\tretrying", json.get("msg").getAsString());
        String stack = json.get("exception").getAsString();
        assertTrue(stack.startsWith("java.lang.IllegalStateException: disk \"full\"\n\tat "), stack);
        assertTrue(stack.contains("Caused by: java.lang.RuntimeException: cause"), stack);
    }

    @Test
    void keyValuePairsBecomeFieldsWithoutOverwritingTheFixedOnes() {
        String line = JsonLine.of(0, Level.INFO, "l", "t", "m", null, List.of(new KeyValuePair("votes", 25),
                new KeyValuePair("durable", true), new KeyValuePair("app", "a1"), new KeyValuePair("msg", "mine")));

        JsonObject json = JsonParser.parseString(line).getAsJsonObject();
        assertEquals(25, json.get("votes").getAsInt());
        assertTrue(json.get("durable").getAsBoolean());
        assertEquals("a1", json.get("app").getAsString());
        assertEquals("m", json.get("msg").getAsString());
        assertEquals("mine", json.get("kv.msg").getAsString());
        assertFalse(json.has("exception"));
    }
}
