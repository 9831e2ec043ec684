package dev.swipeloop.host.cli;

/** The command was called wrongly: printed with a hint to {@code --help}, exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
