package dev.swipeloop.sdk;

/** Something with the same identity already exists (an app id, for instance). */
public class ConflictException extends SwipeloopException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
