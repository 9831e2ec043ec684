package dev.swipeloop.sdk.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings an extension accepts, declared up front (name, type, default, doc, validator)
 * so the host can validate them before {@code start}, report every error at once and print a
 * configuration reference. Modelled on Kafka's {@code ConfigDef}.
 *
 * <pre>{@code
 * static final ConfigSpec SPEC = new ConfigSpec()
 *     .define("path", ConfigType.STRING, null, false, "Database file; default <data>/swipeloop.db")
 *     .define("readConnections", ConfigType.INT, 4, false, "Reader pool size", Validator.range(1, 64));
 * }</pre>
 */
public final class ConfigSpec {
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

    public ConfigSpec define(String name, ConfigType type, Object defaultValue, boolean required, String doc) {
        return define(name, type, defaultValue, required, doc, null);
    }

    public ConfigSpec define(String name, ConfigType type, Object defaultValue, boolean required, String doc,
                             Validator validator) {
        ConfigKey key = new ConfigKey(name, type, defaultValue, required, doc, validator);
        if (keys.putIfAbsent(name, key) != null) {
            throw new IllegalArgumentException("config key '" + name + "' is declared twice");
        }
        return this;
    }

    public List<ConfigKey> keys() {
        return List.copyOf(keys.values());
    }

    /** Every problem with {@code raw}, or an empty list when {@link #parse} would succeed. */
    public List<ConfigError> validate(Map<String, String> raw) {
        List<ConfigError> errors = new ArrayList<>();
        convert(raw, errors);
        return errors;
    }

    /** Parses and validates {@code raw}; throws one {@link ConfigException} listing every error. */
    public Config parse(Map<String, String> raw) {
        List<ConfigError> errors = new ArrayList<>();
        Map<String, Object> values = convert(raw, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new Config(Collections.unmodifiableMap(values));
    }

    private Map<String, Object> convert(Map<String, String> raw, List<ConfigError> errors) {
        for (String given : raw.keySet()) {
            if (!keys.containsKey(given)) {
                errors.add(new ConfigError(given, "unknown setting; known: " + String.join(", ", keys.keySet())));
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (ConfigKey key : keys.values()) {
            String text = raw.get(key.name());
            Object value = key.defaultValue();
            if (text != null && !text.isBlank()) {
                try {
                    value = convert(key.type(), text.trim());
                } catch (IllegalArgumentException e) {
                    errors.add(new ConfigError(key.name(), e.getMessage()));
                    continue;
                }
            }
            if (value == null) {
                if (key.required()) {
                    errors.add(new ConfigError(key.name(), "is required: " + key.doc()));
                }
            } else if (key.validator() != null) {
                String problem = key.validator().check(value);
                if (problem != null) {
                    errors.add(new ConfigError(key.name(), problem + " (was " + shown(key, value) + ")"));
                }
            }
            values.put(key.name(), value);
        }
        return values;
    }

    private static String shown(ConfigKey key, Object value) {
        return key.type() == ConfigType.PASSWORD ? "****" : String.valueOf(value);
    }

    private static Object convert(ConfigType type, String text) {
        switch (type) {
            case STRING:
            case PASSWORD:
                return text;
            case INT:
                try {
                    return Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number (was '" + text + "')");
                }
            case LONG:
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number (was '" + text + "')");
                }
            case DOUBLE:
                try {
                    double parsed = Double.parseDouble(text);
                    if (Double.isFinite(parsed)) {
                        return parsed;
                    }
                } catch (NumberFormatException e) {
                    // reported below, with the same message as a non-finite number
                }
                throw new IllegalArgumentException("must be a number such as 0.95 (was '" + text + "')");
            case BOOLEAN:
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(text);
                }
                throw new IllegalArgumentException("must be true or false (was '" + text + "')");
            case LIST:
                return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            default:
                throw new IllegalStateException("unhandled config type " + type);
        }
    }
}
