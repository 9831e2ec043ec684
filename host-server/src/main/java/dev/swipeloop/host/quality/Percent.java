package dev.swipeloop.host.quality;

import java.util.Locale;

/** Shares as people read them in flag reasons: {@code 62.5 %}, {@code 95 %}. */
final class Percent {
    private Percent() {
    }

    static String of(int part, int whole) {
        return of(whole == 0 ? 0 : (double) part / whole);
    }

    static String of(double share) {
        double percent = share * 100;
        return percent == Math.rint(percent)
                ? String.format(Locale.ROOT, "%.0f %%", percent)
                : String.format(Locale.ROOT, "%.1f %%", percent);
    }
}
