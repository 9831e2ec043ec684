package dev.swipeloop.host.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where settings come from, the later winning: the config file (Java properties), environment
 * variables ({@code SWIPELOOP_*}), command-line flags. Keys are dotted lowerCamel
 * ({@code limits.maxBodyBytes}, {@code plugin.sqlite.path}); their environment spelling is
 * derived ({@link #envName}) rather than parsed back, because that direction is ambiguous.
 */
public final class SettingSources {
    public static final String ENV_PREFIX = "SWIPELOOP_";

    private final Map<String, String> file;
    private final Map<String, String> env;
    private final Map<String, String> flags;

    public SettingSources(Map<String, String> file, Map<String, String> env, Map<String, String> flags) {
        this.file = Map.copyOf(file);
        this.env = Map.copyOf(env);
        this.flags = Map.copyOf(flags);
    }

    /** Reads {@code configFile} (may be null) and takes the process environment. */
    public static SettingSources load(Path configFile, Map<String, String> flags) {
        return new SettingSources(readFile(configFile), System.getenv(), flags);
    }

    /** The value of {@code key} from the strongest source that has it, or null. */
    public String get(String key) {
        String value = flags.get(key);
        if (value == null) {
            value = env.get(envName(key));
        }
        if (value == null) {
            value = file.get(key);
        }
        return value;
    }

    /**
     * Every key under {@code prefix} (e.g. {@code plugin.sqlite.}), with the prefix removed, from
     * the file and the flags; for environment variables only the {@code knownKeys} can be found.
     */
    public Map<String, String> under(String prefix, Iterable<String> knownKeys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> source : List.of(file, flags)) {
            source.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    out.put(k.substring(prefix.length()), v);
                }
            });
        }
        for (String key : knownKeys) {
            String value = get(prefix + key);
            if (value != null) {
                out.put(key, value);
            }
        }
        return out;
    }

    /** Host keys given in the file or as flags that {@code isKnown} rejects: typos to report. */
    public Map<String, String> explicitHostKeys() {
        Map<String, String> out = new LinkedHashMap<>(file);
        out.putAll(flags);
        out.keySet().removeIf(k -> k.startsWith("plugin."));
        return out;
    }

    /** {@code limits.maxBodyBytes} → {@code SWIPELOOP_LIMITS_MAX_BODY_BYTES}. */
    public static String envName(String key) {
        StringBuilder sb = new StringBuilder(ENV_PREFIX);
        for (char c : key.toCharArray()) {
            if (c == '.' || c == '-') {
                sb.append('_');
            } else if (Character.isUpperCase(c)) {
                sb.append('_').append(c);
            } else {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /** {@code limits.maxBodyBytes} → {@code --limits.max-body-bytes}. */
    public static String flagName(String key) {
        StringBuilder sb = new StringBuilder("--");
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** How a user can set {@code key}: {@code limits.maxBodyBytes (--limits.max-body-bytes, SWIPELOOP_LIMITS_MAX_BODY_BYTES)}. */
    public static String describe(String key) {
        return key + " (" + flagName(key) + ", " + envName(key) + ")";
    }

    private static Map<String, String> readFile(Path configFile) {
        Map<String, String> out = new LinkedHashMap<>();
        if (configFile == null) {
            return out;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + configFile + ": " + e.getMessage(), e);
        }
        props.stringPropertyNames().forEach(k -> out.put(k.trim(), props.getProperty(k).trim()));
        return out;
    }
}
