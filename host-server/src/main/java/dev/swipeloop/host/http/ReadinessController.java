package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.ingest.GroupCommitWriter;
import dev.swipeloop.host.plugin.PluginRegistry;
import dev.swipeloop.host.ranking.ScoreBoards;
import io.javalin.http.Context;

/**
 * {@code GET /ready}: whether a load balancer should send this host traffic. 200
 * {@code {"status":"ready"}} once the storage is started, the group-commit writer takes votes and
 * the score boards finished their first load; otherwise 503 {@code {"status":"starting"|"draining",
 * "reasons":[…]}}. {@link #drain()} turns it to 503 for good at the start of a shutdown, before
 * votes are refused, so balancers stop sending first. {@code /health} stays the liveness check.
 */
final class ReadinessController {
    private final PluginRegistry registry;
    private final GroupCommitWriter writer;
    private final ScoreBoards boards;
    private volatile boolean draining;

    ReadinessController(PluginRegistry registry, GroupCommitWriter writer, ScoreBoards boards) {
        this.registry = registry;
        this.writer = writer;
        this.boards = boards;
    }

    /** From now on {@code /ready} answers 503 draining. */
    void drain() {
        draining = true;
    }

    void ready(Context ctx) {
        JsonArray reasons = new JsonArray();
        if (draining) {
            reasons.add("the host is shutting down: it answers the requests it has, then stops");
        }
        String storageState = registry.storageState();
        if (!"STARTED".equals(storageState)) {
            reasons.add("storage " + (registry.storage() == null ? "" : "'" + registry.storage().id() + "' ") + "is "
                    + storageState + "; /health says why");
        }
        if (!writer.accepting() && !draining) {
            reasons.add("the vote writer is closed");
        }
        if (!boards.loaded()) {
            reasons.add("the scores are still loading every app's votes (first pass after start)");
        }
        JsonObject body = new JsonObject();
        body.addProperty("status", reasons.isEmpty() ? "ready" : draining ? "draining" : "starting");
        if (!reasons.isEmpty()) {
            body.add("reasons", reasons);
        }
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, reasons.isEmpty() ? 200 : 503, body);
    }
}
