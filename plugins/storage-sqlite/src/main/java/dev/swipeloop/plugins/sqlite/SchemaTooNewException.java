package dev.swipeloop.plugins.sqlite;

import java.sql.SQLException;

/** The database was written by a newer plugin: its schema version is one this code does not know. */
public final class SchemaTooNewException extends SQLException {
    private static final long serialVersionUID = 1L;
    private final int found;
    private final int supported;

    SchemaTooNewException(int found, int supported) {
        super("schema version " + found + " is newer than the " + supported + " this plugin supports");
        this.found = found;
        this.supported = supported;
    }

    public int found() {
        return found;
    }

    public int supported() {
        return supported;
    }
}
