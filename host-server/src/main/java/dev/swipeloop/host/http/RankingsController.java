package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.ranking.ItemStats;
import dev.swipeloop.host.ranking.Ranking;
import dev.swipeloop.host.ranking.RankingService;
import dev.swipeloop.host.ranking.Standing;
import dev.swipeloop.host.scoring.Interval;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /v1/rankings} and {@code GET /v1/items/{id}/stats} (secret key): scores an app
 * can trust, with their intervals and the counts behind them, as of the vote in {@code asOfSeq}.
 */
final class RankingsController {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final KeyAuth auth;
    private final RankingService rankings;
    private final StorageBackend storage;

    RankingsController(KeyAuth auth, RankingService rankings, StorageBackend storage) {
        this.auth = auth;
        this.rankings = rankings;
        this.storage = storage;
    }

    void rankings(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        QueryCheck query = new QueryCheck(ctx);
        String of = query.oneOf("of", "items", List.of("items", "models"));
        String method = query.oneOf("method", "wilson", List.of("wilson", "bayes", "bt", "elo"));
        String group = query.string("group", false, VoteParser.MAX_ID_LENGTH);
        int limit = (int) query.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = (int) query.number("offset", 0, 0, Integer.MAX_VALUE);
        query.throwIfAny();
        if (group != null && of.equals("models")) {
            throw new ApiException.Invalid("Models are ranked over every prompt group; drop 'group' or rank of=items.",
                    List.of(new FieldError("group", "applies only to of=items")));
        }
        Ranking ranking = rankings.rank(appId, RankingService.Of.valueOf(of.toUpperCase(Locale.ROOT)),
                RankingService.Method.valueOf(method.toUpperCase(Locale.ROOT)), group);

        JsonObject body = new JsonObject();
        body.addProperty("of", of);
        body.addProperty("method", method);
        body.addProperty("group", group);
        body.addProperty("asOfSeq", ranking.asOfSeq());
        body.addProperty("stale", ranking.stale());
        body.add("parameters", JsonOut.GSON.toJsonTree(ranking.parameters()));
        body.addProperty("total", ranking.standings().size());
        JsonArray rows = new JsonArray();
        List<Standing> standings = ranking.standings();
        for (int i = offset; i < Math.min(standings.size(), offset + (long) limit); i++) {
            rows.add(standing(standings.get(i)));
        }
        body.add("rankings", rows);
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, 200, body);
    }

    void itemStats(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        String itemId = ctx.pathParam("id");
        Optional<Item> item = storage.item(appId, itemId);
        if (item.isEmpty()) {
            throw new ApiException.NotFound("No item '" + itemId + "' in this app; add it with POST /v1/items.");
        }
        ItemStats stats = rankings.itemStats(appId, itemId);
        JsonObject body = new JsonObject();
        body.addProperty("id", itemId);
        body.addProperty("model", item.get().provenance().model());
        body.addProperty("group", item.get().group());
        body.addProperty("gold", item.get().gold() == null ? null : item.get().gold().wire());
        body.addProperty("asOfSeq", stats.asOfSeq());

        JsonObject binary = new JsonObject();
        long decided = stats.likes() + stats.dislikes();
        binary.addProperty("likes", stats.likes());
        binary.addProperty("dislikes", stats.dislikes());
        binary.addProperty("skips", stats.skips());
        binary.addProperty("likeRate", decided == 0 ? null : (double) stats.likes() / decided);
        JsonObject wilson = interval(stats.wilson());
        wilson.addProperty("z", stats.z());
        binary.add("wilson", wilson);
        JsonObject bayes = interval(stats.bayes());
        bayes.addProperty("mean", stats.bayesMean());
        bayes.addProperty("alpha", stats.priorAlpha());
        bayes.addProperty("beta", stats.priorBeta());
        binary.add("bayes", bayes);
        binary.addProperty("retired", stats.retiredFromBinary());
        body.add("binary", binary);

        JsonObject pair = new JsonObject();
        long compared = stats.wins() + stats.losses() + stats.ties();
        pair.addProperty("wins", stats.wins());
        pair.addProperty("losses", stats.losses());
        pair.addProperty("ties", stats.ties());
        pair.addProperty("skips", stats.pairSkips());
        pair.addProperty("winShare", compared == 0 ? null : (stats.wins() + stats.ties() / 2.0) / compared);
        pair.addProperty("elo", stats.elo());
        pair.addProperty("retired", stats.retiredFromPairs());
        body.add("pair", pair);
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, 200, body);
    }

    private static JsonObject standing(Standing standing) {
        JsonObject row = new JsonObject();
        row.addProperty("rank", standing.rank());
        row.addProperty("id", standing.id());
        if (standing.model() != null || standing.group() != null) {
            row.addProperty("model", standing.model());
            row.addProperty("group", standing.group());
        }
        row.addProperty("score", standing.score());
        row.addProperty("lower", standing.lower());
        row.addProperty("upper", standing.upper());
        JsonObject counts = new JsonObject();
        if (standing.counts() instanceof Standing.BinaryCounts binary) {
            counts.addProperty("likes", binary.likes());
            counts.addProperty("dislikes", binary.dislikes());
            counts.addProperty("skips", binary.skips());
        } else if (standing.counts() instanceof Standing.PairCounts pair) {
            counts.addProperty("wins", pair.wins());
            counts.addProperty("losses", pair.losses());
            counts.addProperty("ties", pair.ties());
        }
        row.add("votes", counts);
        return row;
    }

    private static JsonObject interval(Interval interval) {
        JsonObject json = new JsonObject();
        json.addProperty("lower", interval.lower());
        json.addProperty("upper", interval.upper());
        return json;
    }
}
