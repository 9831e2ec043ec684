package dev.swipeloop.host.cli;

import dev.swipeloop.host.apps.AppDirectory;
import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.host.export.Exporter;
import dev.swipeloop.host.migrate.DatabaseCopy;
import dev.swipeloop.sdk.config.ConfigKey;

/** Usage texts. The settings list is generated from {@link HostSettings#SPEC}, so it cannot drift. */
final class Help {
    static final String MAIN = """
            Usage: swipeloop <command> [options]

            Commands:
              serve         Start the server on the configured storage (default: SQLite under --data)
              demo          serve, plus a demo app and deck at / (prints its keys)
              apps create   Create an app and print its keys as JSON
              apps rotate-signing-secret
                            Replace an app's signing secret (for verified-rater tokens) and print the new one
              apps rotate-key
                            Replace an app's secret or publishable key (or signing secret) and print the new one
              apps revoke-key
                            Revoke an app's secret or publishable key; requests with it are refused
              export        Write an app's votes in a training format (JSONL, CSV, TRL, Pick-a-Pic, imagefolder)
              migrate       Copy every row from one storage into an empty one (SQLite to PostgreSQL) and check the copy
              config reference
                            Print every host, plugin and app setting and export option as Markdown (docs/configuration.md)
              test          Run every test (handled by the ./swipeloop script)

            Run 'swipeloop <command> --help' for a command's options.
            Exit codes: 0 ok, 2 bad usage, 1 failure (with a one-line reason on stderr).
            """;

    static final String APPS_CREATE = """
            Usage: swipeloop apps create --name NAME --origin URL [--origin URL...] [--data DIR] [--config FILE]

            Creates an app and prints {"app","publishableKey","secretKey","signingSecret"} on stdout.
            The secret key and signing secret are shown once; only a hash of the secret key is stored.
              --name NAME     display name
              --origin URL    a site allowed to use the publishable key (scheme://host[:port]); repeatable
            """ + "\n" + settings();

    static final String APPS_ROTATE_SIGNING_SECRET = """
            Usage: swipeloop apps rotate-signing-secret --app ID [--data DIR] [--config FILE]

            Replaces the app's signing secret with a fresh one and prints {"app","signingSecret"} on stdout,
            this once. Verified-rater tokens signed with the old secret are refused from then on (a running
            server reads the new secret within %d seconds), so give the new one to your backend right away.
            The publishable and secret keys stay as they are. See docs/verified-raters.md.
              --app ID        the app's id ("app" in the output of apps create)
            """.formatted(AppDirectory.DEFAULT_TTL.toSeconds()) + "\n" + settings();

    static final String APPS_ROTATE_KEY = """
            Usage: swipeloop apps rotate-key --app ID --kind secret|publishable|signing [--data DIR] [--config FILE]

            Replaces one of the app's keys with a fresh one and prints {"app","kind","key"} on stdout, this
            once. The old key is refused from then on (a running server reads the change within %d seconds):
            a new secret key also ends the app's dashboard sessions; a new publishable key must go into the
            pages that embed the widget; a new signing secret into the backend that signs rater tokens.
            What the dashboard's apps page does, for when you cannot sign in to it.
              --app ID        the app's id ("app" in the output of apps create)
              --kind KIND     secret, publishable or signing
            """.formatted(AppDirectory.DEFAULT_TTL.toSeconds()) + "\n" + settings();

    static final String APPS_REVOKE_KEY = """
            Usage: swipeloop apps revoke-key --app ID --kind secret|publishable [--data DIR] [--config FILE]

            Revokes the app's secret or publishable key: requests with it are refused (by a running server
            within %d seconds) until apps rotate-key makes a new one. Prints the app as the dashboard lists it,
            {"id","name","allowedOrigins","publishableKey","secretKeyActive","createdAt"}.
              --app ID        the app's id ("app" in the output of apps create)
              --kind KIND     secret or publishable
            """.formatted(AppDirectory.DEFAULT_TTL.toSeconds()) + "\n" + settings();

    static final String CONFIG_REFERENCE = """
            Usage: swipeloop config reference [--out FILE] [--plugins-dir DIR]

            Prints the configuration reference as Markdown: the host's settings, each installed plugin's (id,
            version, settings), the settings each app changes through PATCH /v1/settings and the export options,
            each with its type, default, environment variable and whether it is secret. Plugins are loaded as
            serve loads them, but nothing is started. docs/configuration.md is this output.
              --out FILE      write it to FILE instead of stdout
            """;

    private Help() {
    }

    static String export() {
        StringBuilder sb = new StringBuilder("""
                Usage: swipeloop export --format ID [--out PATH|DIR/|-] [--app ID] [--OPTION VALUE...] [--data DIR]

                Writes one app's votes in a format a training pipeline reads, with a progress bar on stderr
                and a manifest (counts, options, sha256 of each file) beside the output.
                  --format ID       jsonl, csv, trl-preference, trl-unpaired, pickapic, imagefolder, or a plugin's
                  --out PATH        the file to write (default ./<app>-<format>-<lastSeq>.<ext>); DIR/ unpacks a
                                    zip format (imagefolder) into that directory; - writes to stdout
                  --app ID          the app to export; needed only when the storage holds several
                  --manifest PATH   where the manifest goes (default <out>.manifest.json, or DIR/manifest.json)
                Format options (e.g. --include-ties for pickapic) are listed in docs/exports.md.

                Options every format has:
                """);
        for (ConfigKey key : Exporter.commonOptions().keys()) {
            sb.append(String.format("  %-24s %s%s%n", SettingSources.flagName(key.name()), key.doc(),
                    key.defaultValue() == null ? "" : " (default " + key.defaultValue() + ")"));
        }
        return sb.append('\n').append(settings()).toString();
    }

    static String migrate() {
        return """
                Usage: swipeloop migrate --from STORAGE --to STORAGE [--to-schema NAME] [--verify-only] [--config FILE]

                Copies apps (keys and signing secrets as they are), app settings, items, votes and ledger entries
                (with their seqs), ledger and export cursors and rater profiles from one storage into an empty one,
                %,d rows per transaction, with a progress bar on stderr. Then reads every row back from both sides
                and prints, per table, the rows on each side and whether a SHA-256 over them agrees. Stop every
                server writing to the source first. See docs/migrating.md.
                  --from STORAGE    sqlite:DIR (a data directory), sqlite:FILE.db or postgres:JDBC_URL
                  --to STORAGE      the same forms; must hold no app yet (exit code 1 otherwise, nothing written)
                  --from-schema NAME, --to-schema NAME
                                    the PostgreSQL schema of that end (default: the postgres plugin's schema setting)
                  --verify-only     only compare the two sides, as after a copy
                Exit code 1 when a table differs. Other settings (e.g. --plugin.postgres.pool-size) apply to both ends.

                """.formatted(DatabaseCopy.PAGE_ROWS) + settings();
    }

    static String serve(String command, String summary) {
        return "Usage: swipeloop " + command + " [--port 7070] [--data ./data] [--config FILE] [--SETTING VALUE...]\n"
                + "       swipeloop " + command + " --storage postgres --jdbc-url jdbc:postgresql://HOST/DB [--SETTING VALUE...]\n\n"
                + summary + "\n\n"
                + "  --jdbc-url URL is short for --plugin.postgres.jdbc-url URL (the PostgreSQL plugin's settings are in\n"
                + "  docs/scaling.md). Any number of hosts may share one PostgreSQL database behind a load balancer.\n\n"
                + settings();
    }

    /** Every host setting with its flag, environment variable, default and meaning. */
    static String settings() {
        StringBuilder sb = new StringBuilder("Settings (flag / environment variable / default). Also in a --config file as key=value;\n"
                + "plugin settings are plugin.<id>.<key> (e.g. plugin.sqlite.path). Flags win over the environment, which wins over the file.\n\n");
        for (ConfigKey key : HostSettings.SPEC.keys()) {
            sb.append(String.format("  %-38s %s%n", SettingSources.flagName(key.name()), key.doc()));
            sb.append(String.format("  %-38s env %s, default %s%n", "", SettingSources.envName(key.name()),
                    key.defaultValue() == null ? "(none)" : key.defaultValue()));
        }
        return sb.toString();
    }
}
