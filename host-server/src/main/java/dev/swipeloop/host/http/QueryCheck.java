package dev.swipeloop.host.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Reads query parameters, collecting every bad one like {@link FieldCheck} does for bodies. */
final class QueryCheck {
    private final Context ctx;
    private final List<FieldError> errors = new ArrayList<>();

    QueryCheck(Context ctx) {
        this.ctx = ctx;
    }

    String string(String name, boolean required, int maxLength) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            if (required) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(name, "must be 1 to " + maxLength + " characters long"));
            return null;
        }
        return value;
    }

    String oneOf(String name, String fallback, List<String> allowed) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
            return fallback;
        }
        return value;
    }

    long number(String name, long fallback, long min, long max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid(errors.size() == 1 ? "A query parameter is invalid."
                    : errors.size() + " query parameters are invalid.", errors);
        }
    }
}
