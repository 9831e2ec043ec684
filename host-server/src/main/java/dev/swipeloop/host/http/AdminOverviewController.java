package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.admin.VoteTimeline;
import dev.swipeloop.host.ranking.ScoreBoards;
import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * {@code GET /v1/admin/overview}: the app's totals, like rate and votes over time, for the
 * dashboard's first page, which asks again every few seconds. Votes committed before the request
 * are folded first (the score boards' catch-up, at most {@link #PATIENCE} behind a long rebuild),
 * so a vote just acknowledged is in the counts.
 */
final class AdminOverviewController {
    static final Duration PATIENCE = Duration.ofSeconds(2);

    private final KeyAuth auth;
    private final StorageBackend storage;
    private final ScoreBoards boards;
    private final VoteTimeline timeline;

    AdminOverviewController(KeyAuth auth, StorageBackend storage, ScoreBoards boards, VoteTimeline timeline) {
        this.auth = auth;
        this.storage = storage;
        this.boards = boards;
        this.timeline = timeline;
    }

    void overview(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        boards.catchUp(appId, PATIENCE);
        VoteTimeline.Snapshot counts = timeline.snapshot(appId);
        AppStats stats = storage.stats(appId);

        JsonObject totals = new JsonObject();
        totals.addProperty("items", stats.items());
        totals.addProperty("votes", stats.votes());
        totals.addProperty("raters", stats.raters());
        totals.addProperty("binaryVotes", stats.binaryVotes());
        totals.addProperty("pairVotes", stats.pairVotes());
        totals.addProperty("likes", counts.likes());
        totals.addProperty("dislikes", counts.dislikes());
        JsonArray perMinute = new JsonArray();
        for (VoteTimeline.Minute minute : counts.perMinute()) {
            JsonObject bucket = new JsonObject();
            bucket.addProperty("t", minute.t().toString());
            bucket.addProperty("votes", minute.votes());
            perMinute.add(bucket);
        }
        JsonArray perHour = new JsonArray();
        for (VoteTimeline.Hour hour : counts.perHour()) {
            JsonObject bucket = new JsonObject();
            bucket.addProperty("t", hour.t().toString());
            bucket.addProperty("votes", hour.votes());
            bucket.addProperty("likes", hour.likes());
            bucket.addProperty("dislikes", hour.dislikes());
            perHour.add(bucket);
        }
        long decided = counts.likes() + counts.dislikes();
        JsonObject body = new JsonObject();
        body.addProperty("app", appId);
        body.add("totals", totals);
        body.addProperty("likeRate", decided == 0 ? null : (double) counts.likes() / decided);
        body.addProperty("votesLastMinute", counts.votesLastMinute());
        body.add("perMinute", perMinute);
        body.add("perHour", perHour);
        body.addProperty("asOfSeq", counts.asOfSeq());
        JsonOut.write(ctx, 200, body);
    }
}
