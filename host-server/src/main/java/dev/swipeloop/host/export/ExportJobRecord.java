package dev.swipeloop.host.export;

import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * What the host remembers about one export, on disk as {@code <exports.dir>/<id>/job.json}:
 * a background job (queued, running, done with a file to download, or failed with the reason)
 * or a streamed export (done, its file went to the client; kept for its manifest). Hosts that
 * share {@code exports.dir} read each other's records; a running job's record carries its
 * progress, rewritten about every second by the host that runs it.
 */
public record ExportJobRecord(String id, String appId, String format, String state, boolean streamed,
                              Instant createdAt, Instant finishedAt, String fileName, String error,
                              JsonObject manifest, JobProgress progress) {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** How far a running job got, as its host last wrote it. */
    public record JobProgress(double fraction, int pass, long votesRead, long rowsWritten) {
        static JobProgress of(ExportProgress progress) {
            return new JobProgress(Math.round(progress.fraction() * 1000) / 1000.0, progress.pass(),
                    progress.votesRead(), progress.rowsWritten());
        }
    }

    /** A new state; the progress is dropped, since it only means something while running. */
    ExportJobRecord withState(String newState, Instant finished, String newError, JsonObject newManifest) {
        return new ExportJobRecord(id, appId, format, newState, streamed, createdAt, finished, fileName, newError,
                newManifest, null);
    }

    ExportJobRecord withProgress(JobProgress newProgress) {
        return new ExportJobRecord(id, appId, format, state, streamed, createdAt, finishedAt, fileName, error,
                manifest, newProgress);
    }

    public boolean finished() {
        return state.equals(DONE) || state.equals(FAILED);
    }
}
