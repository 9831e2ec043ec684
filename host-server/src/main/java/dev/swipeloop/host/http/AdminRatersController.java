package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.quality.RaterSummary;
import dev.swipeloop.host.ranking.QualityService;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/admin/raters} (session cookie or secret key): the dashboard's list of an app's
 * raters with their flags and reasons, sorted and paged. What one rater's page needs beyond it
 * is in {@code GET /v1/raters/{rater}/quality}, {@code /ledger} and {@code /progress}.
 */
final class AdminRatersController {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final KeyAuth auth;
    private final QualityService quality;

    AdminRatersController(KeyAuth auth, QualityService quality) {
        this.auth = auth;
        this.quality = quality;
    }

    void list(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        QueryCheck query = new QueryCheck(ctx);
        String sort = query.oneOf("sort", "recent", List.of("recent", "votes", "flagged"));
        String order = query.oneOf("order", "desc", List.of("desc", "asc"));
        String flagged = query.oneOf("flagged", null, List.of("true", "false"));
        int limit = (int) query.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = (int) query.number("offset", 0, 0, Integer.MAX_VALUE);
        query.throwIfAny();
        QualityService.RaterPage page = quality.raters(appId,
                QualityService.RaterOrder.valueOf(sort.toUpperCase(Locale.ROOT)), order.equals("desc"),
                flagged == null ? null : Boolean.valueOf(flagged), limit, offset);

        JsonObject body = new JsonObject();
        body.addProperty("asOfSeq", page.asOfSeq());
        body.addProperty("total", page.total());
        JsonArray raters = new JsonArray();
        for (QualityService.RaterRow row : page.raters()) {
            RaterSummary rater = row.summary();
            JsonObject json = new JsonObject();
            json.addProperty("rater", rater.rater());
            json.addProperty("votes", rater.votes());
            json.addProperty("lastVoteAt", rater.lastVoteAt().toString());
            json.addProperty("flagged", !row.flags().isEmpty());
            json.add("flags", QualityController.flags(row.flags()));
            json.addProperty("goldAccuracy", rater.goldAccuracy());
            json.addProperty("weight", row.weight());
            raters.add(json);
        }
        body.add("raters", raters);
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, 200, body);
    }
}
