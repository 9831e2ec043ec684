package dev.swipeloop.sdk;

/**
 * Root of every exception the SDK defines. Messages name the thing that went wrong and say
 * what to do next, because they end up in an operator's log or a developer's terminal.
 */
public class SwipeloopException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SwipeloopException(String message) {
        super(message);
    }

    public SwipeloopException(String message, Throwable cause) {
        super(message, cause);
    }
}
