package dev.swipeloop.host.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr (an export's, a migration's): a bar, the counts so far and an ETA,
 * redrawn in place five times a second on a terminal; on a log (not a terminal) one line every
 * 10 %, so CI logs stay short. Runs on its own daemon thread until {@link #finish()}.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 24;
    private final Reading progress;
    private final PrintStream err;
    private final boolean terminal;
    private final Thread thread;
    private volatile boolean running = true;
    private int lastDecile = -1;

    /** What the bar shows, read from the bar's thread while the work goes on. */
    interface Reading {
        /** Between 0 and 1. */
        double fraction();

        double elapsedSeconds();

        /** The counts after the percentage, e.g. "1,234 rows  5,000 votes/s", given the seconds elapsed. */
        String counts(double seconds);
    }

    ProgressBar(Reading progress, PrintStream err, boolean terminal) {
        this.progress = progress;
        this.err = err;
        this.terminal = terminal;
        this.thread = new Thread(this::loop, "swipeloop-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            draw(false);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void draw(boolean last) {
        double fraction = last ? 1.0 : progress.fraction();
        if (!terminal) {
            // The reading can reach 100 % while the format still writes: the final line is finish()'s.
            int decile = last ? 10 : Math.min(9, (int) (fraction * 10));
            if (decile == lastDecile) {
                return;
            }
            lastDecile = decile;
        }
        err.print((terminal ? "\r" : "") + line(fraction) + (terminal && !last ? "" : "\n"));
        err.flush();
    }

    String line(double fraction) {
        double seconds = progress.elapsedSeconds();
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        String eta = fraction > 0.01 && fraction < 1 ? "ETA " + duration(seconds * (1 - fraction) / fraction) : "";
        return String.format(Locale.ROOT, "[%s] %3d%%  %s  %s", bar, Math.round(fraction * 100),
                progress.counts(seconds), eta).stripTrailing();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + (s % 60) + "s" : (s / 3600) + "h" + (s % 3600 / 60) + "m";
    }

    /** Draws the final 100 % line and stops the thread. */
    void finish() {
        stop();
        draw(true);
    }

    private void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops without the final line (the export failed); ends the line on a terminal. */
    @Override
    public void close() {
        if (running) {
            stop();
            if (terminal) {
                err.println();
            }
        }
    }
}
