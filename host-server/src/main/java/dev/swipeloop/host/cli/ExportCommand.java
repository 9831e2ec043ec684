package dev.swipeloop.host.cli;

import com.google.gson.JsonObject;
import dev.swipeloop.host.HostVersion;
import dev.swipeloop.host.SwipeloopHost;
import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.host.export.ExportManifest;
import dev.swipeloop.host.export.ExportPlan;
import dev.swipeloop.host.export.ExportProgress;
import dev.swipeloop.host.export.ExportRequestException;
import dev.swipeloop.host.export.Exporter;
import dev.swipeloop.host.export.ExportService;
import dev.swipeloop.host.hosts.Leases;
import dev.swipeloop.host.ranking.QualityService;
import dev.swipeloop.host.ranking.ScoreBoards;
import dev.swipeloop.host.settings.AppSettingsCache;
import dev.swipeloop.host.settings.RewardPolicySpecs;
import dev.swipeloop.host.plugin.LoadedPlugins;
import dev.swipeloop.sdk.config.ConfigKey;
import dev.swipeloop.sdk.model.App;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code export}: streams one app's votes in one format to a file (or stdout, or a directory for
 * zip formats), with a progress bar on stderr and a manifest beside the output. Runs against the
 * configured storage directly, so it works with or without a server running on the same data.
 * The output is written under a temporary name and renamed when complete: a failed export never
 * leaves a file that looks whole.
 */
final class ExportCommand {
    private static final List<String> COMMAND_FLAGS = List.of("format", "out", "app", "manifest", "config", "help");

    private ExportCommand() {
    }

    static int run(Args args, PrintStream out, PrintStream err, boolean terminal) {
        String formatId = args.last("format");
        if (formatId == null || formatId.equals("true")) {
            throw new UsageException("--format is required (e.g. --format jsonl; 'swipeloop export --help' lists them)");
        }
        Map<String, String> options = exportOptions(args);
        HostConfigLoader config = HostConfigLoader.load(args, excludedFromSettings(args, options));
        HostSettings settings = config.settings();
        SwipeloopHost.createDataDir(settings.dataDir());
        try (LoadedPlugins plugins = LoadedPlugins.load(SwipeloopHost.pluginsDir(settings), settings.dataDir(),
                HostVersion.get(), settings.storage(), config.sources());
             // No background refresh: the export reads each app's votes into its flags once, when first asked.
             ScoreBoards boards = new ScoreBoards(plugins.storage(), new AppSettingsCache(plugins.storage(), RewardPolicySpecs.of(plugins.rewardPolicies())), null);
             QualityService quality = new QualityService(boards, Clock.systemUTC());
             // A named cursor is held here as by a host, so a running host cannot export it meanwhile.
             Leases leases = Leases.over(plugins.storage(), settings.hostId(), Clock.systemUTC());
             ExportService service = ExportService.open(settings, plugins, HostVersion.get(), quality, leases)) {
            Exporter exporter = service.exporter();
            String appId = app(args.last("app"), plugins.storage().apps());
            try (ExportPlan plan = plan(exporter, appId, formatId, options)) {
                return write(exporter, plan, args, out, err, terminal);
            }
        }
    }

    private static ExportPlan plan(Exporter exporter, String appId, String formatId, Map<String, String> options) {
        try {
            return exporter.plan(appId, formatId, options);
        } catch (ExportRequestException e) {
            if (e.kind() == ExportRequestException.Kind.INVALID_OPTIONS) {
                throw new UsageException(e.errors().stream()
                        .map(error -> SettingSources.flagName(error.key()) + " " + error.message())
                        .collect(Collectors.joining("; ")));
            }
            throw new UsageException(e.getMessage());
        }
    }

    private static int write(Exporter exporter, ExportPlan plan, Args args, PrintStream out, PrintStream err,
                             boolean terminal) {
        String target = args.last("out");
        ExportProgress progress = Exporter.progressOf(plan);
        ProgressBar.Reading reading = reading(progress);
        try {
            if ("-".equals(target)) {
                JsonObject manifest;
                try (ProgressBar bar = new ProgressBar(reading, err, terminal)) {
                    manifest = exporter.run(plan, out, progress);
                    out.flush();
                    // A PrintStream swallows write errors: a reader that went away (| head) shows only here.
                    if (out.checkError()) {
                        throw new IOException("stdout was closed before the export was written in full");
                    }
                    bar.finish();
                }
                String manifestPath = args.last("manifest");
                if (manifestPath != null) {
                    writeAtomically(Path.of(manifestPath), ExportManifest.toJson(manifest));
                }
                exporter.delivered(plan);
                return 0;
            }
            Output output = Output.of(target, plan);
            JsonObject manifest;
            try (ProgressBar bar = new ProgressBar(reading, err, terminal)) {
                try (OutputStream file = Files.newOutputStream(output.partial())) {
                    manifest = exporter.run(plan, file, progress);
                }
                bar.finish();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(output.partial());
                throw e;
            }
            Path written;
            if (output.unpackInto() != null) {
                manifest = ExportManifest.withFiles(manifest, ZipToDirectory.unpack(output.partial(), output.unpackInto()));
                written = output.unpackInto();
            } else {
                Files.move(output.partial(), output.file(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                written = output.file();
            }
            Path manifestPath = args.last("manifest") != null ? Path.of(args.last("manifest"))
                    : output.unpackInto() != null ? output.unpackInto().resolve("manifest.json")
                    : written.resolveSibling(written.getFileName() + ".manifest.json");
            writeAtomically(manifestPath, ExportManifest.toJson(manifest));
            exporter.delivered(plan);
            err.printf(Locale.ROOT, "swipeloop: exported %,d rows (%s) to %s in %.1f s; manifest %s%n",
                    manifest.get("rows").getAsLong(), plan.format().id(), written, progress.elapsedSeconds(), manifestPath);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("export failed: " + e.getMessage(), e);
        }
    }

    /** The bar's view of an export: the pass when a format reads twice, rows written, votes read per second. */
    private static ProgressBar.Reading reading(ExportProgress progress) {
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
                String pass = progress.pass() > 1 ? "pass " + progress.pass() + "  " : "";
                return String.format(Locale.ROOT, "%s%,d rows  %,.0f votes/s", pass, progress.rowsWritten(),
                        seconds > 0 ? progress.votesRead() / seconds : 0);
            }
        };
    }

    /**
     * Where the output goes: a file, or a directory to unpack a zip format into. The output is
     * first written to {@code partial}, beside the target, never inside a dataset directory.
     */
    private record Output(Path file, Path unpackInto, Path partial) {
        static Output of(String target, ExportPlan plan) throws IOException {
            if (target == null) {
                Path file = Path.of(plan.fileName());
                return new Output(file, null, Path.of(plan.fileName() + ".partial"));
            }
            Path path = Path.of(target).toAbsolutePath().normalize();
            boolean directory = target.endsWith("/") || Files.isDirectory(path);
            if (!directory) {
                Files.createDirectories(path.getParent());
                return new Output(path, null, path.resolveSibling(path.getFileName() + ".partial"));
            }
            if (!plan.format().fileExtension().equals("zip")) {
                Files.createDirectories(path);
                Path file = path.resolve(plan.fileName());
                return new Output(file, null, file.resolveSibling(file.getFileName() + ".partial"));
            }
            if (Files.isDirectory(path)) {
                try (var entries = Files.list(path)) {
                    if (entries.findAny().isPresent()) {
                        // Old files (a split no longer made) would be read with the new ones.
                        throw new UsageException(path + " is not empty; unpack a dataset into a new or empty directory");
                    }
                }
            }
            Files.createDirectories(path.getParent());
            return new Output(null, path, path.resolveSibling(path.getFileName() + ".partial.zip"));
        }
    }

    private static void writeAtomically(Path path, String text) throws IOException {
        Path temp = path.resolveSibling(path.getFileName() + ".partial");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The app to export: the one given, or the only one there is. */
    private static String app(String given, List<App> apps) {
        List<String> ids = apps.stream().map(App::id).toList();
        if (given != null && !given.equals("true")) {
            if (!ids.contains(given)) {
                throw new UsageException("no app '" + given + "' in this storage (apps: "
                        + (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")");
            }
            return given;
        }
        if (ids.size() == 1) {
            return ids.get(0);
        }
        throw new UsageException(ids.isEmpty() ? "there is no app to export yet; create one with 'swipeloop apps create'"
                : "--app is required when there are several apps: " + String.join(", ", ids));
    }

    /** Flags that are neither the command's own nor host or plugin settings are export options. */
    private static Map<String, String> exportOptions(Args args) {
        List<String> hostKeys = HostSettings.SPEC.keys().stream().map(ConfigKey::name).toList();
        Map<String, String> options = new LinkedHashMap<>();
        args.settings().forEach((key, value) -> {
            if (!COMMAND_FLAGS.contains(key) && !hostKeys.contains(key) && !key.startsWith("plugin.")) {
                options.put(key, value);
            }
        });
        return options;
    }

    private static String[] excludedFromSettings(Args args, Map<String, String> options) {
        List<String> excluded = new ArrayList<>(List.of("format", "out", "app", "manifest"));
        excluded.addAll(options.keySet());
        return excluded.toArray(String[]::new);
    }
}
