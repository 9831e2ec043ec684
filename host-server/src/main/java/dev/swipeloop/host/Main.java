package dev.swipeloop.host;

import dev.swipeloop.host.cli.CommandLine;
import dev.swipeloop.host.logging.LogFormat;

/** Entry point of {@code ./swipeloop}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) {
        // Before anything makes a logger: SLF4J binds its provider (text or JSON lines) once.
        LogFormat.selectEarly(argv);
        int code = CommandLine.run(argv, System.out, System.err);
        // serve and demo return once shut down; everything else returns at once.
        System.exit(code);
    }
}
