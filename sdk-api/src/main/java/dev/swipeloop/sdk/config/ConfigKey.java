package dev.swipeloop.sdk.config;

/**
 * One declared setting. {@code defaultValue} is the parsed default, or null when the setting
 * has none; a {@code required} key without a value is an error.
 */
public record ConfigKey(String name, ConfigType type, Object defaultValue, boolean required,
                        String doc, Validator validator) {
    public ConfigKey {
        if (name == null || !name.matches("[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*")) {
            throw new IllegalArgumentException("config key '" + name + "' must be lowerCamel words joined by dots");
        }
        if (doc == null || doc.isBlank()) {
            throw new IllegalArgumentException("config key '" + name + "' needs a doc string: it is printed in the reference");
        }
    }
}
