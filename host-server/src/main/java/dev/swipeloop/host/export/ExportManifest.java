package dev.swipeloop.host.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * The record that travels with every export ({@code <file>.manifest.json}, a job's status): what
 * was exported (format, schema version, options, seq range), what it holds (rows per split and
 * label, the like:dislike balance KTO trainers check, what was left out and why), and the files
 * with their sha256, so a pipeline can verify what it loads and pull only what is new next time.
 */
public final class ExportManifest {
    /** Raised when a manifest field changes meaning or goes away. */
    public static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private ExportManifest() {
    }

    /** One output file: its name, size and sha256. */
    public record FileEntry(String name, long bytes, String sha256) {
    }

    static JsonObject of(ExportPlan plan, ExportTally tally, String hostVersion, Instant startedAt, Instant finishedAt,
                         java.util.List<FileEntry> files) {
        JsonObject manifest = new JsonObject();
        manifest.addProperty("manifestVersion", VERSION);
        manifest.addProperty("format", plan.format().id());
        manifest.addProperty("formatVersion", plan.formatVersion());
        manifest.addProperty("schemaVersion", plan.format().schemaVersion());
        manifest.addProperty("app", plan.appId());
        manifest.addProperty("hostVersion", hostVersion);
        manifest.addProperty("startedAt", startedAt.toString());
        manifest.addProperty("finishedAt", finishedAt.toString());
        JsonObject options = new JsonObject();
        plan.options().values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> options.addProperty(e.getKey(), e.getValue()));
        manifest.add("options", options);
        manifest.addProperty("splits", plan.common().splits().describe());
        JsonObject range = new JsonObject();
        range.addProperty("afterSeq", plan.afterSeq());
        range.addProperty("lastSeq", plan.lastSeq());
        manifest.add("range", range);
        manifest.addProperty("cursor", plan.common().cursor());
        manifest.addProperty("rows", tally.rowsWritten());
        manifest.add("counts", GSON.toJsonTree(tally.writtenBySplit()));
        manifest.add("labels", GSON.toJsonTree(tally.writtenByLabel()));
        manifest.add("balance", balance(tally.writtenByLabel()));
        manifest.add("skipped", GSON.toJsonTree(tally.skippedByReason()));
        manifest.add("excluded", GSON.toJsonTree(tally.excludedByReason()));
        return withFiles(manifest, files);
    }

    /**
     * Likes against dislikes among the rows written. KTO warns unless desirable:undesirable lies
     * in [1, 4/3] (FORMATS.md §1), so the ratio is stated; null when there is no dislike.
     */
    private static JsonObject balance(Map<String, Long> labels) {
        long likes = labels.getOrDefault("like", 0L);
        long dislikes = labels.getOrDefault("dislike", 0L);
        JsonObject balance = new JsonObject();
        balance.addProperty("like", likes);
        balance.addProperty("dislike", dislikes);
        balance.addProperty("likeToDislike", dislikes == 0 ? null : Math.round(likes * 1000.0 / dislikes) / 1000.0);
        return balance;
    }

    /** The manifest with its file list replaced: an export unpacked into a directory lists each file. */
    public static JsonObject withFiles(JsonObject manifest, java.util.List<FileEntry> files) {
        JsonObject copy = manifest.deepCopy();
        JsonArray fileList = new JsonArray();
        for (FileEntry file : files) {
            fileList.add(GSON.toJsonTree(file));
        }
        copy.add("files", fileList);
        return copy;
    }

    public static String toJson(JsonObject manifest) {
        return GSON.toJson(manifest) + "\n";
    }
}
