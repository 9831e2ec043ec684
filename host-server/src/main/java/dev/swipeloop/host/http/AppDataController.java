package dev.swipeloop.host.http;

import com.google.gson.JsonObject;
import dev.swipeloop.host.rewards.RewardEngine;
import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.util.function.Consumer;

/** {@code GET /v1/stats} and {@code DELETE /v1/raters/{rater}} (secret key). */
final class AppDataController {
    private final KeyAuth auth;
    private final StorageBackend storage;
    private final RewardEngine rewards;
    private final Consumer<String> votesRemoved;

    /**
     * @param rewards      erases through it, so no payment of the rater's queued votes runs meanwhile
     * @param votesRemoved told the app id after a rater's votes were removed, so scores are rebuilt
     */
    AppDataController(KeyAuth auth, StorageBackend storage, RewardEngine rewards, Consumer<String> votesRemoved) {
        this.auth = auth;
        this.storage = storage;
        this.rewards = rewards;
        this.votesRemoved = votesRemoved;
    }

    void stats(Context ctx) {
        KeyAuth.Caller caller = auth.secret(ctx);
        AppStats stats = storage.stats(caller.app().id());
        JsonObject body = new JsonObject();
        body.addProperty("items", stats.items());
        body.addProperty("votes", stats.votes());
        body.addProperty("binaryVotes", stats.binaryVotes());
        body.addProperty("pairVotes", stats.pairVotes());
        body.addProperty("raters", stats.raters());
        body.addProperty("lastSeq", stats.lastSeq());
        JsonOut.write(ctx, 200, body);
    }

    /** Removes a rater's votes, ledger and profile (a person's right to erasure); 204 also when there was nothing. */
    void deleteRater(Context ctx) {
        KeyAuth.Caller caller = auth.secret(ctx);
        String rater = ctx.pathParam("rater");
        if (rater.isEmpty() || rater.length() > VoteParser.MAX_ID_LENGTH) {
            throw new ApiException.Invalid("The rater id in the path is invalid.",
                    java.util.List.of(new FieldError("rater", "must be 1 to " + VoteParser.MAX_ID_LENGTH
                            + " characters long")));
        }
        String appId = caller.app().id();
        if (rewards.erase(appId, rater, () -> storage.deleteRater(appId, rater)) > 0) {
            votesRemoved.accept(appId);
        }
        ctx.status(204);
    }
}
