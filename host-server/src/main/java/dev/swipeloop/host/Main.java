package dev.swipeloop.host;

import dev.swipeloop.host.cli.CommandLine;

/** Entry point of {@code ./swipeloop}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) {
        int code = CommandLine.run(argv, System.out, System.err);
        // serve and demo return once shut down; everything else returns at once.
        System.exit(code);
    }
}
