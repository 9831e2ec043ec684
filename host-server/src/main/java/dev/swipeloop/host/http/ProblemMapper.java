package dev.swipeloop.host.http;

import com.google.gson.JsonParseException;
import dev.swipeloop.host.ingest.GroupCommitWriter;
import dev.swipeloop.sdk.StorageException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become {@code application/problem+json}: the API's own
 * {@link ApiException}s, Javalin's (no route, body over the size limit), storage failures
 * (503 when retrying may help) and anything unexpected (500, logged; never the stack to the client).
 */
final class ProblemMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    private final long maxBodyBytes;

    ProblemMapper(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
        routes.exception(JsonParseException.class, (e, ctx) ->
                write(ctx, new ApiException.MalformedJson("The request body is not valid JSON; send one JSON object.")));
        routes.exception(GroupCommitWriter.RejectedException.class, (e, ctx) -> write(ctx, unavailable(e)));
        routes.exception(StorageException.class, (e, ctx) -> write(ctx, fromStorage(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, new ApiException(500, "internal-error", "Internal server error",
                    "The server failed unexpectedly; the operator's log has the details.", List.of(), null) {
                private static final long serialVersionUID = 1L;
            });
        });
    }

    static void write(Context ctx, ApiException e) {
        if (e.retryAfterSeconds() != null) {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(e.status()).contentType(Problem.CONTENT_TYPE + "; charset=utf-8")
                .result(JsonOut.GSON.toJson(Problem.of(e).toJson()).getBytes(StandardCharsets.UTF_8));
    }

    private ApiException fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> new ApiException.NotFound("There is no " + ctx.method() + " " + ctx.path()
                    + "; the API is described at /openapi.json.");
            case 405 -> new ApiException(405, "method-not-allowed", "Method not allowed", ctx.method() + " is not"
                    + " supported on " + ctx.path() + "; see /openapi.json.", List.of(), null) {
                private static final long serialVersionUID = 1L;
            };
            case 413 -> new ApiException.TooLarge("body-too-large", "The request body is larger than " + maxBodyBytes
                    + " bytes; send smaller batches.", List.of());
            default -> new ApiException(e.getStatus(), "http-" + e.getStatus(), e.getMessage(),
                    e.getMessage() == null ? "The request failed." : e.getMessage(), List.of(), null) {
                private static final long serialVersionUID = 1L;
            };
        };
    }

    private static ApiException unavailable(GroupCommitWriter.RejectedException e) {
        return e.closing()
                ? new ApiException.Unavailable("shutting-down", "The server is shutting down; retry in a few seconds"
                        + " (the same vote ids are safe to resend).", 5)
                : new ApiException.Unavailable("overloaded", "The server is busy writing (" + e.getMessage()
                        + "); retry shortly with the same vote ids.", 1);
    }

    private static ApiException fromStorage(StorageException e) {
        LOG.warn("storage failed: {}", e.toString());
        return new ApiException.Unavailable("storage-unavailable", e.isRetriable()
                ? "The database is busy; retry shortly (votes with the same ids are stored once)."
                : "The database failed; nothing of this request was stored. Retry later; the operator's log has the"
                        + " reason.", e.isRetriable() ? 1 : 30);
    }
}
