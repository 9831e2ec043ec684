package dev.swipeloop.host.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordChecksumTest {
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final UUID ID = UUID.fromString("0190f5a2-7c4e-7000-8000-000000000001");

    private static String sum(Object[]... records) {
        RecordChecksum checksum = new RecordChecksum();
        for (Object[] record : records) {
            checksum.add(record);
        }
        return checksum.hex();
    }

    private static Object[] row(Object... fields) {
        return fields;
    }

    @Test
    void theSameRecordsInTheSameOrderGiveTheSameSum() {
        Object[] vote = row("app-a", 7L, ID, "ann", null, "binary", "i0", null, "like", 640, AT, AT, true);
        assertEquals(sum(vote, row("app-a", "nightly", "12")), sum(vote.clone(), row("app-a", "nightly", "12")));
        assertEquals(64, sum(vote).length(), "SHA-256 in hex");
    }

    @Test
    void recordsThatDifferInOneFieldGiveDifferentSums() {
        Object[] vote = row("app-a", 7L, ID, "ann", null, "binary", "i0", null, "like", 640, AT, AT, true);
        for (int i = 0; i < vote.length; i++) {
            Object[] changed = vote.clone();
            changed[i] = changed[i] instanceof Boolean b ? !b : changed[i] == null ? "" : null;
            assertNotEquals(sum(vote), sum(changed), "field " + i + " changed");
        }
        assertNotEquals(sum(row(AT)), sum(row(AT.plusNanos(1000))), "a microsecond apart");
        assertNotEquals(sum(row(7L)), sum(row(8L)));
        assertNotEquals(sum(row(List.of("https://a.example"))), sum(row(List.of("https://b.example"))));
    }

    @Test
    void fieldBoundariesNullsAndOrderAreUnambiguous() {
        assertNotEquals(sum(row("ab", "c")), sum(row("a", "bc")), "text carries its length");
        assertNotEquals(sum(row(null, "a")), sum(row("a", null)), "a null keeps its place");
        assertNotEquals(sum(row((Object) null)), sum(row("")), "null is not empty text");
        assertNotEquals(sum(row("12")), sum(row(12L)), "text is not a number");
        assertNotEquals(sum(row(List.of("a", "b"))), sum(row(List.of("a"), List.of("b"))));
        assertNotEquals(sum(row("a"), row("b")), sum(row("b"), row("a")), "record order counts");
        assertNotEquals(sum(row("a", "b")), sum(row("a"), row("b")), "record boundaries count");
        assertNotEquals(sum(), sum(row()), "an empty record is a record");
    }

    @Test
    void anUnknownFieldTypeIsRefusedRatherThanSummedByItsToString() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RecordChecksum().add(new StringBuilder("x")));
        assertEquals("a checksum field cannot be a java.lang.StringBuilder", e.getMessage());
    }

    @Test
    void countsTheRecordsAdded() {
        RecordChecksum checksum = new RecordChecksum().add("a").add("b", 1L);
        assertEquals(2, checksum.records());
        assertEquals(checksum.hex(), checksum.hex(), "reading the sum does not change it");
    }
}
