package dev.swipeloop.plugins.postgres;

import java.sql.SQLException;

/** The schema was migrated by a newer plugin: its version is one this code does not know. */
final class SchemaTooNewException extends SQLException {
    private static final long serialVersionUID = 1L;
    private final int found;
    private final int supported;

    SchemaTooNewException(int found, int supported) {
        super("schema version " + found + " is newer than the " + supported + " this plugin supports");
        this.found = found;
        this.supported = supported;
    }

    int found() {
        return found;
    }

    int supported() {
        return supported;
    }
}
