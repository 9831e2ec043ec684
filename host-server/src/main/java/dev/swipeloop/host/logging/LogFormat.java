package dev.swipeloop.host.logging;

import dev.swipeloop.host.cli.Args;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code log.format} setting: {@code text} (slf4j-simple's lines, the default) or {@code json}
 * (one JSON object per line, {@link JsonLogServiceProvider}). SLF4J binds its provider when the
 * first logger is made and never again, so {@link #selectEarly} reads the setting from the command
 * line, the environment and the config file before anything logs; the settings loader validates
 * it again later with the rest and reports a bad value.
 */
public final class LogFormat {
    public static final String KEY = "log.format";
    /** {@code --log-format json}: short for {@code --log.format json}. */
    public static final String SHORT_FLAG_KEY = "logFormat";
    static final String PROVIDER_PROPERTY = "slf4j.provider";
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    private LogFormat() {
    }

    /** Adds {@code log.format} to {@code spec}. */
    public static ConfigSpec defineIn(ConfigSpec spec) {
        return spec.define(KEY, ConfigType.STRING, "text", false,
                "Log lines on stderr: text, or json (one object per line: ts, level, logger, thread, msg, exception);"
                        + " --log-format json for short", Validator.oneOf("text", "json"));
    }

    /**
     * Chooses the JSON provider when {@code log.format} is {@code json}. Call first thing in
     * {@code main}; a provider chosen with {@code -Dslf4j.provider} is left alone.
     */
    public static void selectEarly(String[] argv) {
        if (System.getProperty(PROVIDER_PROPERTY) == null && "json".equals(configured(argv))) {
            System.setProperty(PROVIDER_PROPERTY, JsonLogServiceProvider.class.getName());
            // SLF4J announces an explicitly chosen provider on stderr, a line that is not JSON.
            if (System.getProperty(VERBOSITY_PROPERTY) == null) {
                System.setProperty(VERBOSITY_PROPERTY, "WARN");
            }
        }
    }

    /** The value from flags, environment or config file, as the settings loader would find it; null if unreadable. */
    static String configured(String[] argv) {
        try {
            Args args = Args.parse(Arrays.asList(argv));
            Map<String, String> flags = new LinkedHashMap<>(args.settings());
            String shortForm = flags.remove(SHORT_FLAG_KEY);
            if (shortForm != null) {
                flags.putIfAbsent(KEY, shortForm);
            }
            String configFile = args.last("config") != null ? args.last("config")
                    : System.getenv(SettingSources.ENV_PREFIX + "CONFIG");
            return SettingSources.load(configFile == null ? null : Path.of(configFile), flags).get(KEY);
        } catch (RuntimeException e) {
            return null; // a missing config file or a bad flag: the settings loader says so properly
        }
    }
}
