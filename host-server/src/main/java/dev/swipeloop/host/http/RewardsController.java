package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.swipeloop.host.apps.AppKeys.KeyType;
import dev.swipeloop.host.rewards.RaterProgress;
import dev.swipeloop.host.rewards.RewardEngine;
import dev.swipeloop.host.rewards.RewardsOffException;
import dev.swipeloop.host.settings.AppSettingsCache;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.RaterProfile;
import dev.swipeloop.sdk.reward.LeaderboardRow;
import dev.swipeloop.sdk.reward.Progress;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The contributor side of rewards: a rater's progress and profile (publishable key with that
 * rater's token, or the secret key), the leaderboard and acknowledgements (opted-in names only),
 * and a rater's ledger for the app owner (secret key).
 */
final class RewardsController {
    static final int MAX_DISPLAY_NAME = 40;
    private static final int DEFAULT_BOARD = 10;
    private static final int MAX_BOARD = 100;
    private static final int MAX_LEDGER_PAGE = 1000;

    private final KeyAuth auth;
    private final RewardEngine engine;
    private final StorageBackend storage;
    private final AppSettingsCache settings;
    private final Clock clock;

    RewardsController(KeyAuth auth, RewardEngine engine, StorageBackend storage, AppSettingsCache settings, Clock clock) {
        this.auth = auth;
        this.engine = engine;
        this.storage = storage;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code GET /v1/raters/{rater}/progress}: includes every vote committed before the request. */
    void progress(Context ctx) {
        KeyAuth.Caller caller = auth.browser(ctx, false);
        String rater = raterOf(ctx);
        if (!engine.enabled(caller.app().id())) {
            throw rewardsOff(caller); // before the token: there is nothing to vouch for
        }
        vouch(ctx, caller, rater);
        RaterProgress progress;
        try {
            engine.settle(caller.app().id());
            progress = engine.progress(caller.app().id(), rater, clock.instant());
        } catch (RewardsOffException e) {
            throw rewardsOff(caller);
        }
        JsonObject body = progressJson(progress.rater(), progress.points(), progress.pendingPoints(), progress.tier(),
                progress.nextMilestone(), progress.pointsToNext(), progress.streakDays(), progress.badges());
        JsonArray each = new JsonArray();
        for (Progress policy : progress.policies()) {
            JsonObject one = new JsonObject();
            one.addProperty("policy", policy.policy());
            progressJson(null, policy.points(), policy.pendingPoints(), policy.tier(), policy.nextMilestone(),
                    policy.pointsToNext(), policy.streakDays(), policy.badges()).entrySet()
                    .forEach(field -> one.add(field.getKey(), field.getValue()));
            each.add(one);
        }
        body.add("policies", each);
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, 200, body);
    }

    /** {@code GET /v1/leaderboard?period=day|week|all&limit=N}: listed raters by vested points in the period. */
    void leaderboard(Context ctx) {
        KeyAuth.Caller caller = auth.browser(ctx, false);
        QueryCheck query = new QueryCheck(ctx);
        String period = query.oneOf("period", "week", List.of("day", "week", "all"));
        int limit = (int) query.number("limit", DEFAULT_BOARD, 1, MAX_BOARD);
        query.throwIfAny();
        String appId = paid(caller);
        Instant now = clock.instant();
        Instant since = periodStart(period, now);
        JsonArray rows = new JsonArray();
        int rank = 0;
        for (LeaderboardRow row : storage.leaderboard(appId, since, now, limit)) {
            JsonObject one = new JsonObject();
            one.addProperty("rank", ++rank);
            one.addProperty("displayName", row.displayName());
            one.addProperty("points", row.points());
            if (caller.keyType() == KeyType.SECRET) {
                one.addProperty("rater", row.rater()); // the owner's own ids; never shown to pages
            }
            rows.add(one);
        }
        JsonObject body = new JsonObject();
        body.addProperty("period", period);
        body.addProperty("since", since.toString());
        body.add("raters", rows);
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, 200, body);
    }

    /** {@code GET /v1/acknowledgements}: listed raters who reached a tier, most points first. */
    void acknowledgements(Context ctx) {
        KeyAuth.Caller caller = auth.browser(ctx, false);
        QueryCheck query = new QueryCheck(ctx);
        int limit = (int) query.number("limit", MAX_BOARD, 1, MAX_BOARD);
        query.throwIfAny();
        String appId = paid(caller);
        Instant now = clock.instant();
        JsonArray rows = new JsonArray();
        for (LeaderboardRow row : storage.leaderboard(appId, Instant.EPOCH, now, limit)) {
            RaterProgress progress = engine.progress(appId, row.rater(), now);
            if (progress.tier() != null) {
                JsonObject one = new JsonObject();
                one.addProperty("displayName", row.displayName());
                one.addProperty("tier", progress.tier());
                one.add("badges", JsonOut.GSON.toJsonTree(progress.badges()));
                rows.add(one);
            }
        }
        JsonObject body = new JsonObject();
        body.add("raters", rows);
        JsonOut.write(ctx, 200, body);
    }

    /** {@code GET /v1/raters/{rater}/profile}: what the rater chose to show; not listed when never saved. */
    void profile(Context ctx) {
        KeyAuth.Caller caller = auth.browser(ctx, false);
        String rater = raterOf(ctx);
        vouchAlways(ctx, caller, rater);
        RaterProfile profile = storage.raterProfile(caller.app().id(), rater)
                .orElse(new RaterProfile(caller.app().id(), rater, null, false, null));
        JsonOut.write(ctx, 200, profileJson(profile));
    }

    /** {@code PUT /v1/raters/{rater}/profile} {"displayName": "…", "listed": true|false}. */
    void saveProfile(Context ctx) {
        KeyAuth.Caller caller = auth.browser(ctx, false);
        String rater = raterOf(ctx);
        vouchAlways(ctx, caller, rater);
        JsonObject body = JsonBody.parseObject(ctx.bodyAsBytes());
        List<FieldError> errors = new ArrayList<>();
        for (String key : body.keySet()) {
            if (!Set.of("displayName", "listed").contains(key)) {
                errors.add(new FieldError(key, "unknown field; a profile has displayName and listed"));
            }
        }
        JsonElement listed = body.get("listed");
        if (listed == null || !listed.isJsonPrimitive() || !listed.getAsJsonPrimitive().isBoolean()) {
            errors.add(new FieldError("listed", "is required: true to appear on the leaderboard and acknowledgements"));
        }
        JsonElement name = body.get("displayName");
        String displayName = null;
        if (name != null && !name.isJsonNull()) {
            if (!name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
                errors.add(new FieldError("displayName", "must be a string"));
            } else {
                displayName = name.getAsString().strip();
                String problem = displayNameProblem(displayName);
                if (problem != null) {
                    errors.add(new FieldError("displayName", problem));
                }
            }
        }
        boolean listedGiven = listed != null && listed.isJsonPrimitive() && listed.getAsJsonPrimitive().isBoolean();
        if (listedGiven && listed.getAsBoolean() && displayName == null && (name == null || name.isJsonNull())) {
            errors.add(new FieldError("displayName", "is required when listed is true: it is what others see"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid("The profile was not saved.", errors);
        }
        RaterProfile profile = new RaterProfile(caller.app().id(), rater, displayName, listed.getAsBoolean(),
                clock.instant());
        storage.saveRaterProfile(profile);
        JsonOut.write(ctx, 200, profileJson(profile));
    }

    /** {@code GET /v1/raters/{rater}/ledger?after=SEQ&limit=N} (secret key): the rater's entries in seq order. */
    void ledger(Context ctx) {
        KeyAuth.Caller caller = auth.secret(ctx);
        String rater = raterOf(ctx);
        QueryCheck query = new QueryCheck(ctx);
        long after = query.number("after", 0, 0, Long.MAX_VALUE);
        int limit = (int) query.number("limit", 100, 1, MAX_LEDGER_PAGE);
        query.throwIfAny();
        engine.settle(caller.app().id());
        Instant now = clock.instant();
        JsonArray entries = new JsonArray();
        long last = -1;
        for (LedgerEntry entry : storage.ledger(caller.app().id(), rater)) {
            if (entry.seq() <= after) {
                continue;
            }
            if (entries.size() == limit) {
                break;
            }
            JsonObject one = new JsonObject();
            one.addProperty("seq", entry.seq());
            one.addProperty("policy", entry.policy());
            one.addProperty("points", entry.points());
            one.addProperty("reason", entry.reason());
            one.addProperty("voteId", entry.voteId() == null ? null : entry.voteId().toString());
            one.addProperty("at", entry.at().toString());
            one.addProperty("vestsAt", entry.vestingTime().toString());
            one.addProperty("vested", entry.vestedAt(now));
            entries.add(one);
            last = entry.seq();
        }
        JsonObject body = new JsonObject();
        body.add("entries", entries);
        body.add("next", entries.size() < limit ? null : new com.google.gson.JsonPrimitive(last));
        JsonOut.write(ctx, 200, body);
    }

    /**
     * A publishable key speaks for the rater only with their token, unless the app pays anonymous
     * raters; a token sent is always checked. The secret key is the app's server and may ask about anyone.
     */
    private void vouch(Context ctx, KeyAuth.Caller caller, String rater) {
        String token = ctx.header("X-Rater-Token");
        boolean checked = RaterCheck.verify(caller.app(), token, Set.of(rater), clock.instant());
        if (!checked && caller.keyType() == KeyType.PUBLISHABLE
                && !settings.of(caller.app().id()).rewards().anonymous()) {
            throw new ApiException.Unauthorized("rater-token-required", "This app rewards verified raters only:"
                    + " send the rater's token as X-Rater-Token (see docs/verified-raters.md), or ask from the app's"
                    + " server with its secret key.");
        }
    }

    /**
     * A profile is who the rater says they are in public: even where anonymous raters earn, a
     * publishable key reads or changes it only with the rater's token, so nobody lists another
     * person (the app's user id is a rater id anyone may type) under a name of their choosing.
     */
    private void vouchAlways(Context ctx, KeyAuth.Caller caller, String rater) {
        boolean checked = RaterCheck.verify(caller.app(), ctx.header("X-Rater-Token"), Set.of(rater), clock.instant());
        if (!checked && caller.keyType() == KeyType.PUBLISHABLE) {
            throw new ApiException.Unauthorized("rater-token-required", "A rater's profile is read and changed with"
                    + " their token as X-Rater-Token (see docs/verified-raters.md), or from the app's server with its"
                    + " secret key.");
        }
    }

    /** The caller's app, every vote committed so far paid; 404 {@code rewards-off} when it pays none. */
    private String paid(KeyAuth.Caller caller) {
        String appId = caller.app().id();
        if (!engine.enabled(appId)) {
            throw rewardsOff(caller);
        }
        engine.settle(appId);
        return appId;
    }

    /** Where a leaderboard period starts: the UTC day, the ISO week from Monday 00:00 UTC, or ever. */
    static Instant periodStart(String period, Instant now) {
        return switch (period) {
            case "day" -> now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            case "week" -> now.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> Instant.EPOCH;
        };
    }

    static String displayNameProblem(String name) {
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME) {
            return "must be 1 to " + MAX_DISPLAY_NAME + " characters";
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            return "must not contain control or formatting characters";
        }
        return null;
    }

    private static String raterOf(Context ctx) {
        String rater = ctx.pathParam("rater");
        if (rater.isEmpty() || rater.length() > VoteParser.MAX_ID_LENGTH) {
            throw new ApiException.Invalid("The rater id in the path is invalid.",
                    List.of(new FieldError("rater", "must be 1 to " + VoteParser.MAX_ID_LENGTH + " characters long")));
        }
        return rater;
    }

    private static ApiException rewardsOff(KeyAuth.Caller caller) {
        return new ApiException.NotFound("rewards-off", "App '" + caller.app().id() + "' pays no rewards: its owner"
                + " can list reward policies in the setting rewards.policies (PATCH /v1/settings).");
    }

    private static JsonObject progressJson(String rater, long points, long pending, String tier, String next,
                                           Long toNext, int streak, List<String> badges) {
        JsonObject json = new JsonObject();
        if (rater != null) {
            json.addProperty("rater", rater);
        }
        json.addProperty("points", points);
        json.addProperty("pendingPoints", pending);
        json.addProperty("tier", tier);
        json.addProperty("nextMilestone", next);
        json.addProperty("pointsToNext", toNext);
        json.addProperty("streakDays", streak);
        json.add("badges", JsonOut.GSON.toJsonTree(badges));
        return json;
    }

    private static JsonObject profileJson(RaterProfile profile) {
        JsonObject json = new JsonObject();
        json.addProperty("rater", profile.rater());
        json.addProperty("displayName", profile.displayName());
        json.addProperty("listed", profile.listed());
        json.addProperty("updatedAt", profile.updatedAt() == null ? null : profile.updatedAt().toString());
        return json;
    }
}
