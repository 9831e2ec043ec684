package dev.swipeloop.plugins.pickapic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RaterIdsTest {

    @Test
    void aPseudonymsHexDigitsAreTheUserIdWithoutTheSignBit() {
        assertEquals(255L, RaterIds.userId("r_00000000000000ff"));
        assertEquals(Long.MAX_VALUE, RaterIds.userId("r_ffffffffffffffff"));
        assertEquals(0x0123456789abcdefL, RaterIds.userId("r_8123456789abcdef"));
    }

    @Test
    void otherTextGetsAStableNonNegativeId() {
        long id = RaterIds.userId("app-user-42");

        assertTrue(id >= 0);
        assertEquals(id, RaterIds.userId("app-user-42"));
        assertTrue(RaterIds.userId("app-user-43") != id);
    }
}
