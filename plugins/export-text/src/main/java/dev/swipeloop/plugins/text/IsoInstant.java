package dev.swipeloop.plugins.text;

import java.io.IOException;
import java.time.Instant;

/**
 * Writes an {@link Instant} exactly as {@link Instant#toString()} spells it
 * ({@code 2026-05-04T10:15:30.123456Z}: UTC, the fraction in groups of three digits, as many
 * as needed), without the formatter's allocations: an export writes two per vote. Years
 * outside 0000–9999, which {@code toString} writes with a sign, go through {@code toString}.
 * Stateless.
 */
final class IsoInstant {
    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z. */
    private static final long FIRST = -62_167_219_200L;
    private static final long END = 253_402_300_800L;

    private IsoInstant() {
    }

    static void write(Utf8Sink sink, Instant instant) throws IOException {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds >= END) {
            sink.text(instant.toString());
            return;
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        writeDate(sink, days);
        sink.raw('T');
        sink.digits(secondOfDay / 3600, 2);
        sink.raw(':');
        sink.digits(secondOfDay / 60 % 60, 2);
        sink.raw(':');
        sink.digits(secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            sink.raw('.');
            if (nanos % 1_000_000 == 0) {
                sink.digits(nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                sink.digits(nanos / 1_000, 6);
            } else {
                sink.digits(nanos, 9);
            }
        }
        sink.raw('Z');
    }

    /**
     * The proleptic Gregorian date of {@code epochDay}, after Howard Hinnant's
     * {@code civil_from_days} ("chrono-Compatible Low-Level Date Algorithms"): eras of 400
     * years starting on 1 March, so the leap day falls at the end of a year.
     */
    private static void writeDate(Utf8Sink sink, long epochDay) throws IOException {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        sink.digits((int) year, 4);
        sink.raw('-');
        sink.digits(month, 2);
        sink.raw('-');
        sink.digits(day, 2);
    }
}
