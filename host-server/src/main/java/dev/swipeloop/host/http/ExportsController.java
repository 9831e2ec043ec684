package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.swipeloop.host.export.BackgroundExports;
import dev.swipeloop.host.export.ExportJobRecord;
import dev.swipeloop.host.export.ExportPlan;
import dev.swipeloop.host.export.ExportProgress;
import dev.swipeloop.host.export.ExportRequestException;
import dev.swipeloop.host.export.Exporter;
import dev.swipeloop.host.plugin.PluginRegistry;
import dev.swipeloop.sdk.config.ConfigKey;
import dev.swipeloop.sdk.export.ExportFormat;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export endpoints (secret key): the formats on offer, a streamed export
 * ({@code GET /v1/exports/{format}}, options as query parameters), and background jobs for
 * exports too big for one request ({@code POST /v1/exports}, then status, progress and download).
 */
final class ExportsController {
    private static final Logger LOG = LoggerFactory.getLogger(ExportsController.class);

    private final KeyAuth auth;
    private final PluginRegistry registry;
    private final Exporter exporter;
    private final BackgroundExports jobs;
    private final Semaphore streams;
    private final String publicUrl;

    ExportsController(KeyAuth auth, PluginRegistry registry, Exporter exporter, BackgroundExports jobs, int maxStreams,
                      String publicUrl) {
        this.publicUrl = publicUrl;
        this.auth = auth;
        this.registry = registry;
        this.exporter = exporter;
        this.jobs = jobs;
        this.streams = new Semaphore(maxStreams);
    }

    /** {@code GET /v1/exports}: the formats, their options, and the options every export has. */
    void formats(Context ctx) {
        auth.secret(ctx);
        JsonArray formats = new JsonArray();
        for (ExportFormat format : registry.exportFormats()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", format.id());
            entry.addProperty("description", format.description());
            entry.addProperty("mediaType", format.mediaType());
            entry.addProperty("fileExtension", format.fileExtension());
            entry.addProperty("schemaVersion", format.schemaVersion());
            JsonArray kinds = new JsonArray();
            format.kinds().forEach(kind -> kinds.add(kind.name().toLowerCase(java.util.Locale.ROOT)));
            entry.add("kinds", kinds);
            entry.add("options", options(format.optionSpec().keys()));
            formats.add(entry);
        }
        JsonObject body = new JsonObject();
        body.add("formats", formats);
        body.add("commonOptions", options(Exporter.commonOptions().keys()));
        JsonOut.write(ctx, 200, body);
    }

    private static JsonArray options(List<ConfigKey> keys) {
        JsonArray out = new JsonArray();
        for (ConfigKey key : keys) {
            JsonObject option = new JsonObject();
            option.addProperty("name", key.name());
            option.addProperty("type", key.type().name().toLowerCase(java.util.Locale.ROOT));
            option.add("default", key.defaultValue() == null ? null : JsonOut.GSON.toJsonTree(key.defaultValue()));
            option.addProperty("doc", key.doc());
            out.add(option);
        }
        return out;
    }

    /**
     * {@code GET /v1/exports/{format}}: streams the export in the response. The manifest is kept
     * as a finished job, linked from the {@code Link} header. Should the export fail half-way,
     * the connection is cut rather than ended cleanly, so no client mistakes a part for the whole.
     */
    void stream(Context ctx) throws IOException {
        KeyAuth.Caller caller = auth.secret(ctx);
        if (!streams.tryAcquire()) {
            throw new ApiException.Unavailable("exports-busy", "As many exports as the host allows are streaming; retry"
                    + " shortly, or start a background job with POST /v1/exports.", 10);
        }
        try (ExportPlan plan = plan(ctx, caller, ctx.pathParam("format"), queryOptions(ctx), "", false)) {
            ExportJobRecord record = jobs.recordStreamed(plan);
            ctx.status(200);
            ctx.contentType(plan.format().mediaType());
            ctx.header("Content-Disposition", "attachment; filename=\"" + plan.fileName() + "\"");
            ctx.header("Link", "</v1/exports/jobs/" + record.id() + ">; rel=\"manifest\"");
            ctx.header("X-Swipeloop-Export-Id", record.id());
            ctx.header("Cache-Control", "no-store");
            OutputStream out = ctx.outputStream();
            try {
                JsonObject manifest = exporter.run(plan, out, Exporter.progressOf(plan));
                // Pushes the rest to the connection: a reader gone by now fails here, before the cursor moves.
                out.flush();
                jobs.streamedFinished(record, manifest, null);
            } catch (Throwable e) {
                jobs.streamedFinished(record, null, e);
                LOG.warn("Streamed export {} ({} of app {}) failed after the response started; cutting the"
                        + " connection: {}", record.id(), plan.format().id(), plan.appId(), e.toString());
                ResponseAbort.abort(ctx, e);
                if (e instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
                return;
            }
            try {
                exporter.delivered(plan);
            } catch (RuntimeException e) {
                // The body is complete; a problem appended to it now would corrupt the file. The
                // cursor stays put, so the next export on it delivers these votes again.
                LOG.error("Export {} was delivered but its cursor '{}' could not be moved", record.id(),
                        plan.cursorName(), e);
            }
        } finally {
            streams.release();
        }
    }

    /** {@code POST /v1/exports} {@code {"format": "...", "options": {...}}}: queues a background job. */
    void submit(Context ctx) {
        KeyAuth.Caller caller = auth.secret(ctx);
        JsonObject body = JsonBody.parseObject(ctx.bodyAsBytes());
        List<FieldError> errors = new ArrayList<>();
        JsonElement format = body.get("format");
        if (format == null || !format.isJsonPrimitive() || !format.getAsJsonPrimitive().isString()) {
            errors.add(new FieldError("format", "is required: a format id from GET /v1/exports"));
        }
        Map<String, String> options = new LinkedHashMap<>();
        JsonElement given = body.get("options");
        if (given != null && !given.isJsonNull() && !given.isJsonObject()) {
            errors.add(new FieldError("options", "must be an object of option name to value"));
        } else if (given != null && given.isJsonObject()) {
            for (Map.Entry<String, JsonElement> option : given.getAsJsonObject().entrySet()) {
                JsonElement value = option.getValue();
                if (value.isJsonPrimitive()) {
                    options.put(option.getKey(), value.getAsString());
                } else {
                    errors.add(new FieldError("options." + option.getKey(), "must be a string, number or boolean"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid("The export request has invalid fields.", errors);
        }
        // The job owns the plan, and with it any cursor, until it ends.
        ExportJobRecord job = jobs.submit(plan(ctx, caller, format.getAsString(), options, "options.", true));
        ctx.header("Location", "/v1/exports/jobs/" + job.id());
        JsonOut.write(ctx, 202, describe(job));
    }

    /** {@code GET /v1/exports/jobs}: the app's exports, newest first. */
    void list(Context ctx) {
        KeyAuth.Caller caller = auth.secret(ctx);
        JsonArray list = new JsonArray();
        jobs.jobs(caller.app().id()).forEach(job -> list.add(describe(job)));
        JsonObject body = new JsonObject();
        body.add("jobs", list);
        JsonOut.write(ctx, 200, body);
    }

    /** {@code GET /v1/exports/jobs/{id}}: state, progress while running, manifest when done. */
    void job(Context ctx) {
        KeyAuth.Caller caller = auth.secret(ctx);
        JsonOut.write(ctx, 200, describe(find(caller, ctx)));
    }

    /** {@code GET /v1/exports/jobs/{id}/download}: the finished file. */
    void download(Context ctx) throws IOException {
        KeyAuth.Caller caller = auth.secret(ctx);
        ExportJobRecord job = find(caller, ctx);
        Path file = jobs.file(job).orElseThrow(() -> new ApiException.Conflict("export-not-ready",
                job.streamed() ? "This export was streamed to its client; nothing is kept to download."
                        : "Export " + job.id() + " is " + job.state() + "; download it once it is done."));
        ctx.status(200);
        ctx.contentType(registry.exportFormat(job.format()).map(ExportFormat::mediaType).orElse("application/octet-stream"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + job.fileName() + "\"");
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(ctx.outputStream());
        }
    }

    private ExportJobRecord find(KeyAuth.Caller caller, Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.job(caller.app().id(), id)
                .orElseThrow(() -> new ApiException.NotFound("No export " + id + " of this app."));
    }

    private ExportPlan plan(Context ctx, KeyAuth.Caller caller, String format, Map<String, String> options,
                            String fieldPrefix, boolean formatInBody) {
        try {
            return exporter.plan(caller.app().id(), format, options, BaseUrl.of(ctx, publicUrl));
        } catch (ExportRequestException e) {
            switch (e.kind()) {
                case UNKNOWN_FORMAT:
                    if (formatInBody) {
                        throw new ApiException.Invalid("There is no such export format.",
                                List.of(new FieldError("format", e.getMessage())));
                    }
                    throw new ApiException.NotFound(e.getMessage() + "; GET /v1/exports lists them.");
                case CURSOR_BUSY:
                    throw new ApiException.Conflict("cursor-busy", e.getMessage() + ".");
                default:
                    throw new ApiException.Invalid("Some export options are invalid.", e.errors().stream()
                            .map(error -> new FieldError(fieldPrefix + error.key(), error.message())).toList());
            }
        }
    }

    private static Map<String, String> queryOptions(Context ctx) {
        Map<String, String> options = new LinkedHashMap<>();
        List<FieldError> repeated = new ArrayList<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.equals(KeyAuth.APP_QUERY) && KeyAuth.bySession(ctx)) {
                return; // the operator's choice of app, not an option of the export
            }
            if (values.size() > 1) {
                repeated.add(new FieldError(name, "is given " + values.size() + " times; give it once"));
            }
            options.put(name, values.get(values.size() - 1));
        });
        if (!repeated.isEmpty()) {
            throw new ApiException.Invalid("Give each option once.", repeated);
        }
        return options;
    }

    private JsonObject describe(ExportJobRecord job) {
        JsonObject out = new JsonObject();
        out.addProperty("id", job.id());
        out.addProperty("format", job.format());
        out.addProperty("state", job.state());
        out.addProperty("streamed", job.streamed());
        out.addProperty("createdAt", job.createdAt().toString());
        out.addProperty("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
        out.addProperty("fileName", job.fileName());
        out.addProperty("error", job.error());
        jobs.progress(job).ifPresent(progress -> {
            JsonObject running = new JsonObject();
            running.addProperty("fraction", progress.fraction());
            running.addProperty("pass", progress.pass());
            running.addProperty("votesRead", progress.votesRead());
            running.addProperty("rowsWritten", progress.rowsWritten());
            out.add("progress", running);
        });
        out.addProperty("download", !job.streamed() && job.state().equals(ExportJobRecord.DONE)
                ? "/v1/exports/jobs/" + job.id() + "/download" : null);
        out.add("manifest", job.manifest());
        return out;
    }
}
