package dev.swipeloop.host.scoring;

/**
 * A closed interval of a score: a confidence or credible interval, or a bootstrap band.
 *
 * @param lower the lower end, never above {@code upper}
 * @param upper the upper end
 */
public record Interval(double lower, double upper) {
    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("an interval needs lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }
}
