package dev.swipeloop.host.cli;

import dev.swipeloop.sdk.SwipeloopException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Dispatches a command and turns failures into exit codes: 0 ok, 2 bad usage, 1 failure. */
public final class CommandLine {
    private CommandLine() {
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> words = Arrays.asList(argv);
        if (words.isEmpty() || words.get(0).equals("--help") || words.get(0).equals("help")) {
            out.print(Help.MAIN);
            return words.isEmpty() ? 2 : 0;
        }
        String command = words.get(0);
        try {
            switch (command) {
                case "serve":
                    return help(words, out, Help.serve("serve", "Starts the server.")) ? 0
                            : ServeCommand.run(Args.parse(words.subList(1, words.size())), false, out);
                case "demo":
                    return help(words, out, Help.serve("demo",
                            "Starts the server with a demo app whose origin is the server itself and a deck of locally painted images.")) ? 0
                            : ServeCommand.run(Args.parse(words.subList(1, words.size())), true, out);
                case "apps":
                    return apps(words, out);
                case "export":
                    return help(words, out, Help.export()) ? 0
                            : ExportCommand.run(Args.parse(words.subList(1, words.size())), out, err,
                                    System.console() != null);
                case "migrate":
                    return help(words, out, Help.migrate()) ? 0
                            : MigrateCommand.run(Args.parse(words.subList(1, words.size())), out, err,
                                    System.console() != null);
                case "config":
                    return config(words, out, err);
                default:
                    throw new UsageException("unknown command '" + command + "'");
            }
        } catch (UsageException e) {
            err.println("swipeloop: " + e.getMessage());
            err.println("Run 'swipeloop --help' for usage.");
            return 2;
        } catch (SwipeloopException e) {
            err.println("swipeloop: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("swipeloop: " + e);
            return 1;
        }
    }

    private static int apps(List<String> words, PrintStream out) {
        String subcommand = words.size() < 2 ? "" : words.get(1);
        Args args = Args.parse(words.subList(Math.min(2, words.size()), words.size()));
        switch (subcommand) {
            case "create":
                return help(words, out, Help.APPS_CREATE) ? 0 : AppsCreateCommand.run(args, out);
            case "rotate-signing-secret":
                return help(words, out, Help.APPS_ROTATE_SIGNING_SECRET) ? 0 : AppsKeyCommand.rotateSigningSecret(args, out);
            case "rotate-key":
                return help(words, out, Help.APPS_ROTATE_KEY) ? 0 : AppsKeyCommand.rotate(args, out);
            case "revoke-key":
                return help(words, out, Help.APPS_REVOKE_KEY) ? 0 : AppsKeyCommand.revoke(args, out);
            default:
                throw new UsageException("unknown 'apps' command; did you mean 'apps create', 'apps rotate-key',"
                        + " 'apps revoke-key' or 'apps rotate-signing-secret'?");
        }
    }

    private static int config(List<String> words, PrintStream out, PrintStream err) {
        if (help(words, out, Help.CONFIG_REFERENCE)) {
            return 0;
        }
        if (words.size() < 2 || !words.get(1).equals("reference")) {
            throw new UsageException("unknown 'config' command; did you mean 'config reference'?");
        }
        return ConfigReferenceCommand.run(Args.parse(words.subList(2, words.size())), out, err);
    }

    private static boolean help(List<String> words, PrintStream out, String text) {
        if (words.contains("--help") || words.contains("-h")) {
            out.print(text);
            return true;
        }
        return false;
    }
}
