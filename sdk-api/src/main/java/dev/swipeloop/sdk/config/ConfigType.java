package dev.swipeloop.sdk.config;

/** The types a setting can have. Values always arrive as strings (file, environment, flag). */
public enum ConfigType {
    STRING,
    /** A string that is never printed back: logs and generated docs show it masked. */
    PASSWORD,
    INT,
    LONG,
    BOOLEAN,
    /** A decimal number such as {@code 0.95} or {@code 1.96}; finite. */
    DOUBLE,
    /** Comma-separated strings; blanks around commas are ignored. */
    LIST
}
