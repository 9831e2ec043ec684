package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.quality.CappedDay;
import dev.swipeloop.host.quality.FlagRateAlarm;
import dev.swipeloop.host.quality.RaterFlag;
import dev.swipeloop.host.quality.RaterReport;
import dev.swipeloop.host.ranking.QualityService;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /v1/raters/{rater}/quality} and {@code GET /v1/quality} (secret key): the flags
 * standing against a rater with the reason for each and the counts the rules read, a
 * Dawid–Skene weight; and the app's agreement and flag-rate alarms.
 */
final class QualityController {
    private final KeyAuth auth;
    private final QualityService quality;

    QualityController(KeyAuth auth, QualityService quality) {
        this.auth = auth;
        this.quality = quality;
    }

    void rater(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        String rater = ctx.pathParam("rater");
        if (rater.isEmpty() || rater.length() > VoteParser.MAX_ID_LENGTH) {
            throw new ApiException.Invalid("The rater id in the path is invalid.",
                    List.of(new FieldError("rater", "must be 1 to " + VoteParser.MAX_ID_LENGTH + " characters long")));
        }
        QualityService.RaterView view = quality.rater(appId, rater);
        if (view == null) {
            throw new ApiException.NotFound("Rater '" + rater + "' has no vote in this app.");
        }
        RaterReport report = view.report();
        JsonObject body = new JsonObject();
        body.addProperty("rater", rater);
        body.addProperty("asOfSeq", view.asOfSeq());
        body.addProperty("flagged", !report.flags().isEmpty());
        body.add("flags", flags(report.flags()));

        JsonObject votes = new JsonObject();
        votes.addProperty("total", report.votes());
        JsonObject binary = new JsonObject();
        binary.addProperty("likes", report.binaryLikes());
        binary.addProperty("dislikes", report.binaryDislikes());
        binary.addProperty("skips", report.binarySkips());
        votes.add("binary", binary);
        JsonObject pair = new JsonObject();
        pair.addProperty("left", report.pairLeft());
        pair.addProperty("right", report.pairRight());
        pair.addProperty("ties", report.pairTies());
        pair.addProperty("skips", report.pairSkips());
        votes.add("pair", pair);
        body.add("votes", votes);

        JsonObject gold = new JsonObject();
        gold.addProperty("answered", report.goldAnswered());
        gold.addProperty("correct", report.goldCorrect());
        gold.addProperty("accuracy", report.goldAnswered() == 0 ? null : (double) report.goldCorrect() / report.goldAnswered());
        body.add("gold", gold);

        JsonObject speed = new JsonObject();
        speed.addProperty("fastVotes", report.fastVotesInWindow());
        speed.addProperty("ofLatest", report.dwellVotesInWindow());
        body.add("speed", speed);

        JsonObject today = new JsonObject();
        today.addProperty("votes", report.votesToday());
        body.add("today", today);
        JsonArray capped = new JsonArray();
        for (CappedDay day : report.cappedDays()) {
            JsonObject json = new JsonObject();
            json.addProperty("day", day.day().toString());
            json.addProperty("votes", day.votes());
            json.addProperty("sinceSeq", day.sinceSeq());
            json.addProperty("since", day.since().toString());
            capped.add(json);
        }
        body.add("cappedDays", capped);

        JsonObject weight = new JsonObject();
        weight.addProperty("method", "dawid-skene");
        weight.addProperty("accuracy", view.weight());
        weight.addProperty("votes", view.binaryVotes());
        body.add("weight", weight);
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, 200, body);
    }

    void app(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        QualityService.AppView view = quality.app(appId);
        JsonObject body = new JsonObject();
        body.addProperty("asOfSeq", view.asOfSeq());
        body.addProperty("raters", view.raters());
        body.addProperty("flaggedRaters", view.flaggedRaters());
        JsonObject agreement = new JsonObject();
        agreement.addProperty("method", "krippendorff-alpha-nominal");
        agreement.addProperty("alpha", Double.isNaN(view.alpha()) ? null : view.alpha());
        agreement.addProperty("items", view.pairableItems());
        body.add("agreement", agreement);
        body.add("alarms", alarms(view.alarms()));
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, 200, body);
    }

    private static JsonArray alarms(List<FlagRateAlarm.Alarm> alarms) {
        JsonArray out = new JsonArray();
        alarms.forEach(alarm -> out.add(alarm(alarm)));
        return out;
    }

    /** One flag-rate alarm as {@code /v1/quality} and {@code /health} show it. */
    static JsonObject alarm(FlagRateAlarm.Alarm alarm) {
        JsonObject json = new JsonObject();
        json.addProperty("rule", alarm.rule());
        json.addProperty("recentRate", alarm.recentRate());
        json.addProperty("baselineRate", alarm.baselineRate());
        json.addProperty("windowVotes", alarm.windowVotes());
        json.addProperty("message", alarm.message());
        return json;
    }

    private static JsonArray flags(List<RaterFlag> flags) {
        JsonArray out = new JsonArray();
        for (RaterFlag flag : flags) {
            JsonObject json = new JsonObject();
            json.addProperty("code", flag.code());
            json.addProperty("reason", flag.reason());
            json.addProperty("sinceSeq", flag.sinceSeq());
            json.addProperty("since", flag.since().toString());
            out.add(json);
        }
        return out;
    }
}
