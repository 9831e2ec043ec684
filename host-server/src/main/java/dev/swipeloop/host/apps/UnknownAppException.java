package dev.swipeloop.host.apps;

import dev.swipeloop.sdk.SwipeloopException;

/** An app id names no app in this storage. */
public class UnknownAppException extends SwipeloopException {
    private static final long serialVersionUID = 1L;

    public UnknownAppException(String appId) {
        super("no app '" + appId + "' in this storage");
    }
}
