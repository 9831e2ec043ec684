package dev.swipeloop.host.export;

import com.google.gson.JsonObject;
import dev.swipeloop.host.hosts.HeldLease;
import dev.swipeloop.host.hosts.Leases;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportOptions;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs exports for the CLI, the streamed HTTP endpoint and background jobs alike: checks the
 * request and fixes its seq range ({@link #plan}), then streams the format's output while
 * counting its bytes and sha256 ({@link #run}), and moves a named cursor only once the whole
 * export was written.
 */
public final class Exporter {
    /** The lease a named cursor's export holds: {@code export-cursor:<stored cursor name>}. */
    static final String CURSOR_LEASE = "export-cursor:";
    private final StorageBackend storage;
    private final Function<String, Optional<ExportFormat>> formats;
    private final java.util.function.Supplier<List<String>> formatIds;
    private final Function<String, String> formatVersions;
    private final byte[] pseudonymKey;
    private final ImageSource images;
    private final RaterFlags flags;
    private final String imageUrlBase;
    private final String hostVersion;
    private final Clock clock;
    private final Leases leases;

    /**
     * @param formats        the started export formats, by id
     * @param formatIds      the ids of the started formats, for error messages
     * @param formatVersions a format id to the version of the plugin that brought it
     * @param imageUrlBase   the default base of path-only image URLs ({@code publicUrl}); see
     *                       {@link ExportPlan#imageUrlBase()}
     * @param leases         where a named cursor is taken for the length of an export, so that no two
     *                       exports (on this host or another on the same database) run it at once
     */
    public Exporter(StorageBackend storage, Function<String, Optional<ExportFormat>> formats,
                    java.util.function.Supplier<List<String>> formatIds, Function<String, String> formatVersions,
                    byte[] pseudonymKey, ImageSource images, RaterFlags flags, String imageUrlBase, String hostVersion,
                    Clock clock, Leases leases) {
        this.storage = storage;
        this.formats = formats;
        this.formatIds = formatIds;
        this.formatVersions = formatVersions;
        this.pseudonymKey = pseudonymKey.clone();
        this.images = images;
        this.flags = flags;
        this.imageUrlBase = imageUrlBase;
        this.hostVersion = hostVersion;
        this.clock = clock;
        this.leases = leases;
    }

    /**
     * Checks the format and every option (all errors at once) and fixes the range: from
     * {@code afterSeq}, or the named cursor, or the start, up to the app's last vote now.
     *
     * @throws ExportRequestException for an unknown format or bad options
     */
    public ExportPlan plan(String appId, String formatId, Map<String, String> raw) {
        return plan(appId, formatId, raw, imageUrlBase);
    }

    /**
     * The same, with path-only image URLs made absolute against {@code imageUrlBase}: the URL the
     * request reached the host at, when no {@code publicUrl} is set.
     */
    public ExportPlan plan(String appId, String formatId, Map<String, String> raw, String imageUrlBase) {
        ExportFormat format = formats.apply(formatId)
                .orElseThrow(() -> ExportRequestException.unknownFormat(formatId, formatIds.get()));
        Map<String, String> common = new LinkedHashMap<>();
        Map<String, String> own = new LinkedHashMap<>();
        raw.forEach((key, value) -> (ExportOptions.COMMON.contains(key) ? common : own).put(key, value));
        List<ConfigError> errors = new ArrayList<>(CommonOptions.SPEC.validate(common));
        errors.addAll(format.optionSpec().validate(own).stream()
                .map(e -> e.message().startsWith("unknown setting") ? new ConfigError(e.key(), "unknown option for format '"
                        + formatId + "'; " + knownOptions(format)) : e)
                .toList());
        String splits = common.getOrDefault("splits", "train:1");
        String split = common.get("split");
        if (split != null && SplitPlan.problem(splits) == null && !SplitPlan.parse(splits).names().contains(split.trim())) {
            errors.add(new ConfigError("split", "must be one of the splits (" + String.join(", ",
                    SplitPlan.parse(splits).names()) + ")"));
        }
        if (common.containsKey("afterSeq") && common.containsKey("cursor")) {
            errors.add(new ConfigError("afterSeq", "cannot be combined with cursor, which decides where to start"));
        }
        if (!errors.isEmpty()) {
            throw ExportRequestException.invalidOptions(errors);
        }
        CommonOptions options = CommonOptions.from(CommonOptions.SPEC.parse(common));
        checkStorageCanDo(appId, options);
        Config formatOptions = format.optionSpec().parse(own);
        String cursorName = options.cursor() == null ? null
                : options.split() == null ? options.cursor() : options.cursor() + "@" + options.split();
        HeldLease lease = null;
        if (cursorName != null) {
            // Two runs of one cursor would deliver the same votes twice, and the one finishing
            // last could move the cursor back.
            lease = leases.hold(appId, CURSOR_LEASE + cursorName)
                    .orElseThrow(() -> ExportRequestException.cursorBusy(cursorName));
        }
        try {
            long afterSeq = cursorName != null ? storage.exportCursor(appId, cursorName).orElse(0L)
                    : options.afterSeq() != null ? options.afterSeq() : 0L;
            long lastSeq = Math.max(afterSeq, storage.lastSeq(appId));
            return new ExportPlan(appId, format, formatVersions.apply(formatId), new ExportOptions(appId, raw), options,
                    formatOptions, afterSeq, lastSeq, cursorName, lease, imageUrlBase);
        } catch (RuntimeException e) {
            if (lease != null) {
                lease.release();
            }
            throw e;
        }
    }

    /** Options the storage backend or the host cannot serve are refused before anything is written. */
    private void checkStorageCanDo(String appId, CommonOptions options) {
        List<ConfigError> errors = new ArrayList<>();
        if (options.minVotes() > 0 && !supported(() -> storage.judgements(appId, List.of()))) {
            errors.add(new ConfigError("minVotes", "storage '" + storage.id() + "' cannot count the votes per item"));
        }
        if (options.cursor() != null && !supported(() -> storage.exportCursor(appId, options.cursor()))) {
            errors.add(new ConfigError("cursor", "storage '" + storage.id() + "' keeps no export cursors; use afterSeq"));
        }
        if (!errors.isEmpty()) {
            throw ExportRequestException.invalidOptions(errors);
        }
    }

    private static boolean supported(Runnable probe) {
        try {
            probe.run();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Records that the export reached its reader in full: moves a named cursor to the end of the
     * range. Call it last, after the output was flushed (and renamed, unpacked, recorded), so that
     * an export that failed anywhere is delivered again next time.
     */
    public void delivered(ExportPlan plan) {
        if (plan.cursorName() != null) {
            if (!plan.cursorLease().held()) {
                throw new IllegalStateException("cursor '" + plan.cursorName() + "' was taken over by another export"
                        + " while this one ran (the host stalled past its lease); it was not moved, so the next export"
                        + " with it delivers these votes again");
            }
            storage.saveExportCursor(plan.appId(), plan.cursorName(), plan.lastSeq());
        }
    }

    private static String knownOptions(ExportFormat format) {
        List<String> names = new ArrayList<>(ExportOptions.COMMON);
        format.optionSpec().keys().forEach(key -> names.add(key.name()));
        return "known: " + String.join(", ", names);
    }

    /** The options every export has, for help texts and the configuration reference. */
    public static ConfigSpec commonOptions() {
        return CommonOptions.SPEC;
    }

    /** A fresh progress for {@code plan}, to watch from another thread while {@link #run} works. */
    public static ExportProgress progressOf(ExportPlan plan) {
        return new ExportProgress(plan.afterSeq(), plan.lastSeq());
    }

    /**
     * Writes the export to {@code out} (not closed) and returns its manifest. Moves no cursor: the
     * caller calls {@link #delivered} once the output is safely where it goes.
     */
    public JsonObject run(ExportPlan plan, OutputStream out, ExportProgress progress) throws IOException {
        Instant startedAt = clock.instant();
        RunningExport job = new RunningExport(storage, plan, pseudonymKey, images, flags, plan.imageUrlBase(), progress);
        MessageDigest sha256 = sha256();
        CountingOutputStream counted = new CountingOutputStream(new DigestOutputStream(out, sha256));
        // Formats may write a few bytes at a time; hashing and the socket want large writes.
        BufferedOutputStream buffered = new BufferedOutputStream(counted, 1 << 16);
        plan.format().write(job, buffered);
        buffered.flush();
        List<ExportManifest.FileEntry> files = List.of(new ExportManifest.FileEntry(plan.fileName(), counted.count(),
                HexFormat.of().formatHex(sha256.digest())));
        return ExportManifest.of(plan, job.tally(), hostVersion, startedAt, clock.instant(), files);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
