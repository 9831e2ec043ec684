package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.quality.RaterFlag;
import dev.swipeloop.host.quality.RaterReport;
import dev.swipeloop.host.ranking.QualityService;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /v1/admin/raters}: the app's raters with their quality flags (and reasons), for the
 * raters page: sorted by their latest vote, their votes or their flags, optionally only the
 * flagged or unflagged ones, paged. One rater's full report stays at
 * {@code GET /v1/raters/{rater}/quality}.
 */
final class AdminRatersController {
    static final int MAX_LIMIT = 200;

    private final KeyAuth auth;
    private final QualityService quality;

    AdminRatersController(KeyAuth auth, QualityService quality) {
        this.auth = auth;
        this.quality = quality;
    }

    void raters(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        QueryCheck check = new QueryCheck(ctx);
        String sort = check.oneOf("sort", "recent", List.of("recent", "votes", "flagged"));
        boolean descending = check.oneOf("order", "desc", List.of("desc", "asc")).equals("desc");
        String flagged = check.oneOf("flagged", null, List.of("true", "false"));
        long limit = check.number("limit", 50, 1, MAX_LIMIT);
        long offset = check.number("offset", 0, 0, Integer.MAX_VALUE);
        check.throwIfAny();

        List<QualityService.RaterRow> rows = quality.raters(appId).stream()
                .filter(row -> flagged == null || row.report().flags().isEmpty() != flagged.equals("true"))
                .sorted(order(sort, descending))
                .toList();
        JsonArray out = new JsonArray();
        rows.stream().skip(offset).limit(limit).forEach(row -> out.add(describe(row)));
        JsonObject body = new JsonObject();
        body.addProperty("total", rows.size());
        body.add("raters", out);
        JsonOut.write(ctx, 200, body);
    }

    /** Ties go by rater id, A to Z, so pages do not overlap. */
    private static Comparator<QualityService.RaterRow> order(String sort, boolean descending) {
        Comparator<QualityService.RaterRow> primary = switch (sort) {
            case "votes" -> Comparator.comparingInt(row -> row.report().votes());
            case "flagged" -> Comparator.comparingInt(row -> row.report().flags().size());
            default -> Comparator.comparing(QualityService.RaterRow::lastVoteAt,
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
        };
        return (descending ? primary.reversed() : primary).thenComparing(row -> row.report().rater());
    }

    private static JsonObject describe(QualityService.RaterRow row) {
        RaterReport report = row.report();
        JsonArray flags = new JsonArray();
        for (RaterFlag flag : report.flags()) {
            JsonObject json = new JsonObject();
            json.addProperty("code", flag.code());
            json.addProperty("reason", flag.reason());
            json.addProperty("since", flag.since() == null ? null : flag.since().toString());
            flags.add(json);
        }
        JsonObject json = new JsonObject();
        json.addProperty("rater", report.rater());
        json.addProperty("votes", report.votes());
        json.addProperty("lastVoteAt", row.lastVoteAt() == null ? null : row.lastVoteAt().toString());
        json.addProperty("flagged", !report.flags().isEmpty());
        json.add("flags", flags);
        json.addProperty("goldAccuracy", report.goldAnswered() == 0 ? null
                : (double) report.goldCorrect() / report.goldAnswered());
        json.addProperty("weight", row.weight());
        return json;
    }
}
