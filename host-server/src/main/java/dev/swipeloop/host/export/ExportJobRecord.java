package dev.swipeloop.host.export;

import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * What the host remembers about one export, on disk as {@code <data>/exports/<id>/job.json}:
 * a background job (queued, running, done with a file to download, or failed with the reason)
 * or a streamed export (done, its file went to the client; kept for its manifest).
 */
public record ExportJobRecord(String id, String appId, String format, String state, boolean streamed,
                              Instant createdAt, Instant finishedAt, String fileName, String error,
                              JsonObject manifest) {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    ExportJobRecord withState(String newState, Instant finished, String newError, JsonObject newManifest) {
        return new ExportJobRecord(id, appId, format, newState, streamed, createdAt, finished, fileName, newError,
                newManifest);
    }

    public boolean finished() {
        return state.equals(DONE) || state.equals(FAILED);
    }
}
