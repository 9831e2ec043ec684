package dev.swipeloop.host.apps;

import dev.swipeloop.sdk.SwipeloopException;

/** An allowed origin given to {@code apps create} is not of the form {@code scheme://host[:port]}. */
public class InvalidOriginException extends SwipeloopException {
    private static final long serialVersionUID = 1L;

    public InvalidOriginException(String message) {
        super(message);
    }
}
