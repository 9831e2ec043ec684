package dev.swipeloop.host;

import dev.swipeloop.sdk.SwipeloopException;

/**
 * The host cannot start. The message is one line an operator can act on: it names the setting
 * to change. The command line prints it and exits 1.
 */
public class StartupException extends SwipeloopException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
