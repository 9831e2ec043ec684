package dev.swipeloop.host.cli;

import dev.swipeloop.host.migrate.CopyProgress;
import dev.swipeloop.host.migrate.CopyVerifier;
import dev.swipeloop.host.migrate.DatabaseCopy;
import dev.swipeloop.host.migrate.TableCheck;
import dev.swipeloop.host.plugin.LoadedPlugins;
import dev.swipeloop.sdk.SwipeloopException;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code migrate --from sqlite:DIR --to postgres:URL}: copies every app, item, vote, ledger entry,
 * cursor and profile from one storage into an empty one through the storage API (so any two
 * backends work), then checks the copy table by table (rows and a checksum on each side) and
 * prints the report. {@code --verify-only} runs the check alone. Exit code 1 when the target is
 * not empty (nothing is written then) or when a table differs.
 */
final class MigrateCommand {
    private static final String[] COMMAND_FLAGS = {"from", "to", "fromSchema", "toSchema", "verifyOnly"};

    private MigrateCommand() {
    }

    static int run(Args args, PrintStream out, PrintStream err, boolean terminal) {
        StorageEndpoint from = StorageEndpoint.parse("from", args.last("from"), args.last("fromSchema"));
        StorageEndpoint to = StorageEndpoint.parse("to", args.last("to"), args.last("toSchema"));
        boolean verifyOnly = args.has("verifyOnly");
        from.requireExisting();
        if (verifyOnly) {
            to.requireExisting();
        }
        try (LoadedPlugins source = from.open(args, COMMAND_FLAGS); LoadedPlugins target = to.open(args, COMMAND_FLAGS)) {
            if (source.storage().apps().isEmpty()) {
                throw new SwipeloopException(from + " holds no apps: there is nothing to copy; check --from");
            }
            if (!verifyOnly) {
                refuseNonEmpty(to, target.storage());
                copy(source.storage(), target.storage(), err, terminal);
            }
            List<TableCheck> checks = verify(source.storage(), target.storage(), err, terminal);
            printReport(checks, out);
            List<String> differing = checks.stream().filter(check -> !check.ok()).map(TableCheck::table).toList();
            if (!differing.isEmpty()) {
                err.println("swipeloop: " + to + " differs from " + from + " in: " + String.join(", ", differing));
                return 1;
            }
            err.println("swipeloop: " + to + " holds the same rows as " + from);
            return 0;
        }
    }

    private static void refuseNonEmpty(StorageEndpoint to, StorageBackend target) {
        List<String> apps = target.apps().stream().map(App::id).toList();
        if (!apps.isEmpty()) {
            throw new SwipeloopException(to + " already holds " + apps.size() + " app(s) (" + String.join(", ", apps)
                    + "); migrate copies into an empty storage only, so nothing was written: give --to a new database,"
                    + " schema or directory, or check an earlier copy with --verify-only");
        }
    }

    private static void copy(StorageBackend source, StorageBackend target, PrintStream err, boolean terminal) {
        CopyProgress progress = new CopyProgress();
        err.println("swipeloop: copying");
        try (ProgressBar bar = new ProgressBar(reading(progress, "copied"), err, terminal)) {
            new DatabaseCopy(source, target, DatabaseCopy.PAGE_ROWS).run(progress);
            bar.finish();
        }
        err.printf(Locale.ROOT, "swipeloop: copied %,d rows in %.1f s (%,.0f rows/s)%n", progress.done(),
                progress.elapsedSeconds(), rate(progress));
    }

    private static List<TableCheck> verify(StorageBackend source, StorageBackend target, PrintStream err,
                                           boolean terminal) {
        CopyProgress progress = new CopyProgress();
        err.println("swipeloop: checking every row on both sides");
        try (ProgressBar bar = new ProgressBar(reading(progress, "checked"), err, terminal)) {
            List<TableCheck> checks = new CopyVerifier(source, target, DatabaseCopy.PAGE_ROWS).run(progress);
            bar.finish();
            err.printf(Locale.ROOT, "swipeloop: checked %,d rows in %.1f s (%,.0f rows/s)%n", progress.done(),
                    progress.elapsedSeconds(), rate(progress));
            return checks;
        }
    }

    private static double rate(CopyProgress progress) {
        return progress.done() / Math.max(progress.elapsedSeconds(), 1e-3);
    }

    /** table · source rows · target rows · checksum ok, one line per table. */
    private static void printReport(List<TableCheck> checks, PrintStream out) {
        out.printf(Locale.ROOT, "%-16s %14s %14s  %s%n", "table", "source rows", "target rows", "checksum");
        for (TableCheck check : checks) {
            out.printf(Locale.ROOT, "%-16s %,14d %,14d  %s%n", check.table(), check.sourceRows(), check.targetRows(),
                    check.ok() ? "ok" : "DIFFERS");
        }
    }

    private static ProgressBar.Reading reading(CopyProgress progress, String verb) {
        return new ProgressBar.Reading() {
            @Override
            public double fraction() {
                return progress.fraction();
            }

            @Override
            public double elapsedSeconds() {
                return progress.elapsedSeconds();
            }

            @Override
            public String counts(double seconds) {
                if (progress.total() == 0) {
                    return "counting rows";
                }
                return String.format(Locale.ROOT, "%,d / %,d rows %s  %,.0f rows/s", progress.done(), progress.total(),
                        verb, seconds > 0 ? progress.done() / seconds : 0);
            }
        };
    }
}
