package dev.swipeloop.host.export;

import dev.swipeloop.sdk.SwipeloopException;
import dev.swipeloop.sdk.config.ConfigError;
import java.util.List;

/** An export that cannot start as asked: an unknown format or app, or bad options (every one listed). */
public class ExportRequestException extends SwipeloopException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigError> errors;
    private final boolean unknownFormat;

    private ExportRequestException(String message, List<ConfigError> errors, boolean unknownFormat) {
        super(message);
        this.errors = List.copyOf(errors);
        this.unknownFormat = unknownFormat;
    }

    static ExportRequestException unknownFormat(String id, List<String> installed) {
        return new ExportRequestException("no export format '" + id + "' is installed (installed: "
                + (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")", List.of(), true);
    }

    static ExportRequestException invalidOptions(List<ConfigError> errors) {
        return new ExportRequestException("invalid export options: " + errors.stream().map(ConfigError::toString)
                .reduce((a, b) -> a + "; " + b).orElse(""), errors, false);
    }

    /** Each bad option with what is wrong; empty for an unknown format. */
    public List<ConfigError> errors() {
        return errors;
    }

    public boolean unknownFormat() {
        return unknownFormat;
    }
}
