package dev.swipeloop.host.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompactEntriesTest {
    @Test
    void whatGoesInComesOutEqualNullsIncludedWhateverTheCount() {
        Map<String, String> reasons = new HashMap<>();
        CompactEntries column = new CompactEntries("app", "ada", "points", reasons);
        List<LedgerEntry> given = new ArrayList<>();
        Instant at = Instant.parse("2026-11-27T09:30:00.123456Z");
        for (int i = 0; i < 37; i++) {
            given.add(new LedgerEntry("app", "ada", "points", i % 5 == 0 ? -i : i, i % 7 == 0 ? null : "vote",
                    i % 3 == 0 ? null : UUID.randomUUID(), at.plusSeconds(i), 100 + i,
                    i % 2 == 0 ? null : at.plusSeconds(3600 + i)));
        }
        given.forEach(column::append);
        assertEquals(given, column);
        assertEquals(given, new ArrayList<>(column), "iteration too");
        assertSame(column.get(1).reason(), column.get(2).reason(), "one string for every \"vote\"");
        assertEquals(given.stream().mapToLong(LedgerEntry::points).sum(), column.points());
        for (Instant time : List.of(at, at.plusSeconds(20), at.plusSeconds(3620), at.plusSeconds(9999))) {
            assertEquals(given.stream().filter(e -> e.vestedAt(time)).mapToLong(LedgerEntry::points).sum(),
                    column.vestedPoints(time), "vested as LedgerEntry.vestedAt says, at " + time);
        }
    }
}
