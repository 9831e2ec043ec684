package dev.swipeloop.plugins.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path must spell every instant exactly as {@link Instant#toString()} does. */
class IsoInstantTest {

    private static String written(Instant instant) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Sink sink = new Utf8Sink(bytes);
        IsoInstant.write(sink, instant);
        sink.flush();
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void edgesOfDaysYearsLeapYearsAndTheFastRange() throws IOException {
        List<String> edges = List.of("1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "2026-05-04T10:15:30.123456Z", "2026-05-04T10:15:30.120Z", "2026-05-04T10:15:30.000001Z",
                "2000-02-29T12:00:00Z", "1900-02-28T23:59:59Z", "1900-03-01T00:00:00Z", "2100-02-28T00:00:00.5Z",
                "1600-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "0000-03-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
                "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z");
        for (String edge : edges) {
            Instant instant = Instant.parse(edge);
            assertEquals(instant.toString(), written(instant), edge);
        }
        assertEquals(Instant.MAX.toString(), written(Instant.MAX));
        assertEquals(Instant.MIN.toString(), written(Instant.MIN));
    }

    @Test
    void randomInstantsWithMilliMicroAndNanoFractions() throws IOException {
        Random random = new Random(42);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long seconds = -62_167_219_200L + (long) (random.nextDouble() * 315_569_520_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String fast = written(instant);
            if (!fast.equals(instant.toString())) {
                mismatches.add(instant + " written as " + fast);
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
