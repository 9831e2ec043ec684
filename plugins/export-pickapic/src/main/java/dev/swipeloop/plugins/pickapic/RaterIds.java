package dev.swipeloop.plugins.pickapic;

import java.util.regex.Pattern;

/**
 * Pick-a-Pic's {@code user_id} is an int64; Swipeloop's export pseudonym is {@code r_} and 16 hex
 * digits (64 bits). The hex digits are read as an unsigned number and the sign bit cleared, so
 * the id is a non-negative long, the same for one rater in every export (two pseudonyms that
 * differ only in their top bit share an id: one pair in 2⁶³). Text that is not a pseudonym gets the
 * same treatment through its SHA-256, so the column is never empty.
 */
final class RaterIds {
    private static final Pattern PSEUDONYM = Pattern.compile("r_[0-9a-f]{16}");

    private RaterIds() {
    }

    static long userId(String rater) {
        long bits = rater != null && PSEUDONYM.matcher(rater).matches()
                ? Long.parseUnsignedLong(rater.substring(2), 16)
                : Hashes.sha256Prefix(String.valueOf(rater));
        return bits & Long.MAX_VALUE;
    }
}
