package dev.swipeloop.host.cli;

import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.sdk.config.ConfigKey;

/** Usage texts. The settings list is generated from {@link HostSettings#SPEC}, so it cannot drift. */
final class Help {
    static final String MAIN = """
            Usage: swipeloop <command> [options]

            Commands:
              serve         Start the server on the configured storage (default: SQLite under --data)
              demo          serve, plus a demo app and deck at / (prints its keys)
              apps create   Create an app and print its keys as JSON
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

    private Help() {
    }

    static String serve(String command, String summary) {
        return "Usage: swipeloop " + command + " [--port 7070] [--data ./data] [--config FILE] [--SETTING VALUE...]\n\n"
                + summary + "\n\n" + settings();
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
