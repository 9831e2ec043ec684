package dev.swipeloop.host.media;

/**
 * An upload the {@link MediaStore} refuses; nothing of it was kept. The HTTP layer turns the
 * {@link Reason} into 400, 413 or 415.
 */
public class MediaRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why an upload was refused. */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        UNSUPPORTED_TYPE
    }

    private final Reason reason;

    public MediaRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
