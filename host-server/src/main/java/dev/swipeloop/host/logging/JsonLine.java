package dev.swipeloop.host.logging;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * One log event as one line of JSON: {@code ts} (ISO-8601 UTC, milliseconds), {@code level},
 * {@code logger}, {@code thread}, {@code msg}, {@code exception} (the whole stack trace as one
 * string) when there is one, then the fluent API's key-value pairs as fields of their own (a key
 * that would overwrite one of those gets a {@code kv.} prefix).
 */
final class JsonLine {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> FIXED = Set.of("ts", "level", "logger", "thread", "msg", "exception");

    private JsonLine() {
    }

    static String of(long epochMillis, Level level, String logger, String thread, String message, Throwable thrown,
                     List<KeyValuePair> pairs) {
        StringWriter line = new StringWriter(256);
        try (JsonWriter json = new JsonWriter(line)) {
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("ts").value(TS.format(Instant.ofEpochMilli(epochMillis)));
            json.name("level").value(level.name());
            json.name("logger").value(logger);
            json.name("thread").value(thread);
            json.name("msg").value(message);
            if (thrown != null) {
                json.name("exception").value(stackTrace(thrown));
            }
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    json.name(FIXED.contains(pair.key) ? "kv." + pair.key : String.valueOf(pair.key));
                    value(json, pair.value);
                }
            }
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return line.append('\n').toString();
    }

    private static void value(JsonWriter json, Object value) throws IOException {
        if (value == null) {
            json.nullValue();
        } else if (value instanceof Boolean b) {
            json.value(b);
        } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            json.value(n);
        } else {
            json.value(String.valueOf(value));
        }
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            thrown.printStackTrace(writer);
        }
        return out.toString().stripTrailing();
    }
}
