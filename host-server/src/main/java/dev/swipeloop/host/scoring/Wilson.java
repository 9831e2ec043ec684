package dev.swipeloop.host.scoring;

/**
 * The Wilson score interval of a like rate (Evan Miller, "How Not To Sort By Average Rating";
 * FORMATS.md §4). Sorting by its lower bound ranks an item with 90 likes out of 100 above one
 * with 1 out of 1: the bound asks how low the true rate could plausibly be, so few votes pull it
 * down. {@code z} is the standard normal quantile of the confidence wanted: 1.96 for 95 %.
 */
public final class Wilson {
    private Wilson() {
    }

    /** The lower end of {@link #interval}; 0 when there are no votes. */
    public static double lowerBound(long likes, long n, double z) {
        return interval(likes, n, z).lower();
    }

    /**
     * {@code (p̂ + z²/2n ± z·sqrt(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)} with {@code p̂ = likes/n};
     * [0, 1] when {@code n = 0}, since nothing is known.
     */
    public static Interval interval(long likes, long n, double z) {
        checkCounts(likes, n);
        if (!(z >= 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("z must be a finite number >= 0 (1.96 for 95 %), got " + z);
        }
        if (n == 0) {
            return new Interval(0, 1);
        }
        double total = n;
        double rate = likes / total;
        double zz = z * z;
        double centre = rate + zz / (2 * total);
        double margin = z * Math.sqrt(rate * (1 - rate) / total + zz / (4 * total * total));
        double scale = 1 + zz / total;
        // Rounding can put an end a hair outside [0, 1] when likes is 0 or n.
        return new Interval(Math.max(0, (centre - margin) / scale), Math.min(1, (centre + margin) / scale));
    }

    static void checkCounts(long likes, long n) {
        if (n < 0 || likes < 0 || likes > n) {
            throw new IllegalArgumentException("need 0 <= likes <= n, got likes=" + likes + ", n=" + n);
        }
    }
}
