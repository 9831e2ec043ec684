package dev.swipeloop.host.logging;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.event.Level;

/**
 * The levels slf4j-simple would use, so that switching to JSON shows the same events: its
 * {@code simplelogger.properties} on the class path ({@code defaultLogLevel}, and
 * {@code log.<logger or package>} per logger, the nearest package winning), each overridden by a
 * system property of the same name, as slf4j-simple does. Levels are SLF4J's
 * {@link Level#toInt()}; {@link #OFF} writes nothing.
 */
final class LogLevels {
    static final int OFF = Integer.MAX_VALUE;
    private static final String PREFIX = "org.slf4j.simpleLogger.";
    private final Properties file;
    private final int defaultLevel;

    private LogLevels(Properties file) {
        this.file = file;
        String configured = property("defaultLogLevel");
        this.defaultLevel = configured == null ? Level.INFO.toInt() : parse(configured);
    }

    static LogLevels load() {
        Properties props = new Properties();
        try (InputStream in = LogLevels.class.getClassLoader().getResourceAsStream("simplelogger.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // Unreadable: slf4j-simple's own default (info) applies, as it would for slf4j-simple.
        }
        return new LogLevels(props);
    }

    /** The least severe level {@code logger} writes. */
    int of(String logger) {
        for (String name = logger; ; name = name.substring(0, name.lastIndexOf('.'))) {
            String value = property("log." + name);
            if (value != null) {
                return parse(value);
            }
            if (name.lastIndexOf('.') < 0) {
                return defaultLevel;
            }
        }
    }

    private String property(String key) {
        String value = System.getProperty(PREFIX + key);
        return value != null ? value : file.getProperty(PREFIX + key);
    }

    /** slf4j-simple's names; like it, an unknown one means info. */
    private static int parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.TRACE.toInt();
            case "debug" -> Level.DEBUG.toInt();
            case "warn" -> Level.WARN.toInt();
            case "error" -> Level.ERROR.toInt();
            case "off" -> OFF;
            default -> Level.INFO.toInt();
        };
    }
}
