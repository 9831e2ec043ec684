package dev.swipeloop.host.export;

import dev.swipeloop.sdk.SwipeloopException;
import dev.swipeloop.sdk.config.ConfigError;
import java.util.List;

/** An export that cannot start as asked: an unknown format, bad options (every one listed), a cursor in use. */
public class ExportRequestException extends SwipeloopException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigError> errors;
    private final Kind kind;

    /** What went wrong: the HTTP API answers 404, 400 and 409 for these. */
    public enum Kind {
        UNKNOWN_FORMAT, INVALID_OPTIONS, CURSOR_BUSY
    }

    private ExportRequestException(String message, List<ConfigError> errors, Kind kind) {
        super(message);
        this.errors = List.copyOf(errors);
        this.kind = kind;
    }

    static ExportRequestException unknownFormat(String id, List<String> installed) {
        return new ExportRequestException("no export format '" + id + "' is installed (installed: "
                + (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")", List.of(), Kind.UNKNOWN_FORMAT);
    }

    static ExportRequestException invalidOptions(List<ConfigError> errors) {
        return new ExportRequestException("invalid export options: " + errors.stream().map(ConfigError::toString)
                .reduce((a, b) -> a + "; " + b).orElse(""), errors, Kind.INVALID_OPTIONS);
    }

    static ExportRequestException cursorBusy(String cursor) {
        return new ExportRequestException("another export is using cursor '" + cursor + "'; retry when it has ended",
                List.of(new ConfigError("cursor", "is in use by another export")), Kind.CURSOR_BUSY);
    }

    /** Each bad option with what is wrong; empty for an unknown format. */
    public List<ConfigError> errors() {
        return errors;
    }

    public Kind kind() {
        return kind;
    }
}
