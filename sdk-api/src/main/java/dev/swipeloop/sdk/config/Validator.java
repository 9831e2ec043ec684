package dev.swipeloop.sdk.config;

/**
 * Checks one parsed value. Returns null when it is acceptable, else a message that says what
 * an acceptable value looks like ("must be between 1 and 64").
 */
@FunctionalInterface
public interface Validator {
    String check(Object value);

    static Validator range(long min, long max) {
        return value -> {
            long v = ((Number) value).longValue();
            return v < min || v > max ? "must be between " + min + " and " + max : null;
        };
    }

    /** For {@link ConfigType#DOUBLE} settings: a value within [min, max]. */
    static Validator between(double min, double max) {
        return value -> {
            double v = ((Number) value).doubleValue();
            return v < min || v > max ? "must be between " + min + " and " + max : null;
        };
    }

    static Validator oneOf(String... allowed) {
        java.util.List<String> list = java.util.List.of(allowed);
        return value -> list.contains(value) ? null : "must be one of " + String.join(", ", list);
    }
}
