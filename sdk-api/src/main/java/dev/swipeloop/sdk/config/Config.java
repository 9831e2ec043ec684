package dev.swipeloop.sdk.config;

import java.util.List;
import java.util.Map;

/** Parsed, validated settings of one extension. Produced by {@link ConfigSpec#parse}. */
public final class Config {
    private final Map<String, Object> values;

    Config(Map<String, Object> values) {
        this.values = values;
    }

    /** Whether {@code key} has a value: given, or declared with a default. */
    public boolean has(String key) {
        return get(key) != null;
    }

    public String getString(String key) {
        return (String) get(key);
    }

    public int getInt(String key) {
        return ((Number) get(key)).intValue();
    }

    public long getLong(String key) {
        return ((Number) get(key)).longValue();
    }

    public double getDouble(String key) {
        return ((Number) get(key)).doubleValue();
    }

    public boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String key) {
        return (List<String>) get(key);
    }

    private Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("'" + key + "' is not declared in this extension's ConfigSpec");
        }
        return values.get(key);
    }
}
