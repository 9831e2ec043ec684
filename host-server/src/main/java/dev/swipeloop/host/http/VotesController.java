package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.ingest.GroupCommitWriter;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /v1/votes} (publishable key, also as {@code ?key=} for sendBeacon) and
 * {@code GET /v1/votes} (secret key). A batch is validated whole, then handed to the
 * {@link GroupCommitWriter}; the 202 is sent only after its commit returned. The request is
 * answered asynchronously ({@code ctx.future}), so no Jetty thread waits for the disk.
 */
final class VotesController {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private final KeyAuth auth;
    private final VoteParser parser;
    private final ItemLookup items;
    private final GroupCommitWriter writer;
    private final StorageBackend storage;
    private final Clock clock;

    VotesController(KeyAuth auth, VoteParser parser, ItemLookup items, GroupCommitWriter writer,
                    StorageBackend storage, Clock clock) {
        this.auth = auth;
        this.parser = parser;
        this.items = items;
        this.writer = writer;
        this.storage = storage;
        this.clock = clock;
    }

    void submit(Context ctx) {
        KeyAuth.Caller caller = auth.browser(ctx, true);
        String appId = caller.app().id();
        Instant now = clock.instant();
        // sendBeacon cannot set a JSON content type without a preflight, so any type is read as JSON.
        VoteParser.Batch batch = parser.parse(JsonBody.parseObject(ctx.bodyAsBytes()), appId, now, items.forBatch(appId));
        String token = ctx.header("X-Rater-Token") != null ? ctx.header("X-Rater-Token") : batch.raterToken();
        Set<String> raters = new LinkedHashSet<>();
        for (Vote vote : batch.votes()) {
            raters.add(vote.rater());
        }
        boolean verified = RaterCheck.verify(caller.app(), token, raters, now);
        List<Vote> votes = verified ? batch.votes().stream().map(vote -> vote.withVerified(true)).toList() : batch.votes();

        CompletableFuture<AppendResult> committed = writer.submit(votes);
        ctx.future(() -> committed.handle((result, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
            }
            JsonObject body = new JsonObject();
            body.addProperty("accepted", result.accepted());
            body.addProperty("duplicates", result.duplicates());
            JsonOut.write(ctx, 202, body);
            return null;
        }));
    }

    void list(Context ctx) {
        KeyAuth.Caller caller = auth.secret(ctx);
        QueryCheck query = new QueryCheck(ctx);
        long after = query.number("after", 0, 0, Long.MAX_VALUE);
        int limit = (int) query.number("limit", DEFAULT_PAGE, 1, MAX_PAGE);
        query.throwIfAny();
        List<Vote> votes = storage.votesAfter(caller.app().id(), after, limit);
        JsonArray list = new JsonArray();
        for (Vote vote : votes) {
            list.add(VoteJson.of(vote));
        }
        JsonObject body = new JsonObject();
        body.add("votes", list);
        body.add("next", votes.size() < limit ? null : new com.google.gson.JsonPrimitive(votes.get(votes.size() - 1).seq()));
        JsonOut.write(ctx, 200, body);
    }
}
