package dev.swipeloop.host.webhooks;

/**
 * How one attempt ended: the receiver's status code (0 when none came), or what went wrong
 * before one did (refused connection, timeout) in {@code error}.
 */
record AttemptOutcome(int status, String error) {

    /** Any 2xx answer delivers the message; everything else, redirects included, is a failure. */
    boolean delivered() {
        return status >= 200 && status <= 299;
    }

    static AttemptOutcome failed(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return new AttemptOutcome(0, cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
