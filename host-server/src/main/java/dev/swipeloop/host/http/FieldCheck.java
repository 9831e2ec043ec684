package dev.swipeloop.host.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of a JSON object while collecting every problem, so one response
 * can name all bad fields. A JSON {@code null} counts as absent. Each getter returns null
 * when the field is absent or bad; {@link #errors()} says which.
 */
final class FieldCheck {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return errors;
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    static String path(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static JsonElement get(JsonObject obj, String name) {
        JsonElement e = obj.get(name);
        return e == null || e.isJsonNull() ? null : e;
    }

    String string(JsonObject obj, String prefix, String name, boolean required, int maxLength) {
        JsonElement e = get(obj, name);
        String field = path(prefix, name);
        if (e == null) {
            if (required) {
                fail(field, "is required");
            }
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            fail(field, "must be a string, not " + JsonBody.describe(e));
            return null;
        }
        String value = e.getAsString();
        if (value.isEmpty() || value.length() > maxLength) {
            fail(field, "must be 1 to " + maxLength + " characters long");
            return null;
        }
        // PostgreSQL's text cannot hold U+0000: a vote carrying it would fail every commit, on
        // every retry, and SQLite would keep what PostgreSQL refuses. Refused here, on every storage.
        if (value.indexOf('\u0000') >= 0) {
            fail(field, "must not contain the NUL character (U+0000)");
            return null;
        }
        return value;
    }

    /** A string that must be one of {@code allowed} (lower case, as on the wire). */
    String oneOf(JsonObject obj, String prefix, String name, boolean required, List<String> allowed) {
        JsonElement e = get(obj, name);
        String field = path(prefix, name);
        String rule = "must be one of " + String.join(", ", allowed);
        if (e == null) {
            if (required) {
                fail(field, "is required and " + rule);
            }
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || !allowed.contains(e.getAsString())) {
            fail(field, rule);
            return null;
        }
        return e.getAsString();
    }

    UUID uuid(JsonObject obj, String prefix, String name) {
        String field = path(prefix, name);
        JsonElement e = get(obj, name);
        if (e == null) {
            fail(field, "is required; make one UUID per vote on the client (the retry key)");
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || !UUID_TEXT.matcher(e.getAsString()).matches()) {
            fail(field, "must be a UUID like 0190f1a4-7c1e-7b3a-9d2e-1f2a3b4c5d6e");
            return null;
        }
        return UUID.fromString(e.getAsString());
    }

    /** An integer within [min, max]; fractions, strings and out-of-range numbers are errors. */
    Long integer(JsonObject obj, String prefix, String name, long min, long max, String rule) {
        JsonElement e = get(obj, name);
        if (e == null) {
            return null;
        }
        String field = path(prefix, name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            fail(field, rule);
            return null;
        }
        try {
            BigDecimal number = ((JsonPrimitive) e).getAsBigDecimal();
            long value = number.longValueExact();
            if (value < min || value > max) {
                fail(field, rule);
                return null;
            }
            return value;
        } catch (ArithmeticException | NumberFormatException ex) {
            fail(field, rule);
            return null;
        }
    }

    private static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    Instant instant(JsonObject obj, String prefix, String name) {
        JsonElement e = get(obj, name);
        if (e == null) {
            return null;
        }
        String field = path(prefix, name);
        String rule = "must be an ISO-8601 instant between years 1970 and 9999, like 2026-05-01T12:00:00.000Z";
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            fail(field, rule);
            return null;
        }
        try {
            Instant instant = Instant.parse(e.getAsString());
            // Storage keeps microseconds in a 64-bit integer; far-off years would overflow it.
            if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST_INSTANT)) {
                fail(field, rule);
                return null;
            }
            return instant;
        } catch (DateTimeParseException ex) {
            fail(field, rule);
            return null;
        }
    }

    JsonObject object(JsonObject obj, String prefix, String name) {
        JsonElement e = get(obj, name);
        if (e == null) {
            return null;
        }
        if (!e.isJsonObject()) {
            fail(path(prefix, name), "must be a JSON object, not " + JsonBody.describe(e));
            return null;
        }
        return e.getAsJsonObject();
    }

    void throwIfAny(String detail) {
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid(detail, errors);
        }
    }
}
