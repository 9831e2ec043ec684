package dev.swipeloop.sdk.config;

import dev.swipeloop.sdk.SwipeloopException;
import java.util.List;
import java.util.stream.Collectors;

/** Configuration was rejected. Carries every error found, not just the first. */
public class ConfigException extends SwipeloopException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
