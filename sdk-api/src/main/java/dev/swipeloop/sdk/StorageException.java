package dev.swipeloop.sdk;

/**
 * A storage backend could not do what was asked. {@link #isRetriable()} tells the host
 * whether the same call may succeed later (a busy database, a dropped connection) or will
 * fail again until someone acts (a full disk, a corrupt file, a wrong URL).
 */
public class StorageException extends SwipeloopException {
    private static final long serialVersionUID = 1L;
    private final boolean retriable;

    public StorageException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public StorageException(String message, Throwable cause) {
        this(message, false, cause);
    }

    public boolean isRetriable() {
        return retriable;
    }
}
