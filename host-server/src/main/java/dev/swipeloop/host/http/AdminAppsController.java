package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.swipeloop.host.apps.AppCreator;
import dev.swipeloop.host.apps.AppDirectory;
import dev.swipeloop.host.apps.AppEditor;
import dev.swipeloop.host.apps.AppEditor.KeyKind;
import dev.swipeloop.host.apps.AppSummary;
import dev.swipeloop.host.apps.InvalidOriginException;
import dev.swipeloop.host.apps.Origins;
import dev.swipeloop.host.apps.UnknownAppException;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/admin/apps}: the apps and their keys. The operator lists every app and creates
 * apps; an app's owner (its session or secret key) sees and changes its own. Rotating or revoking
 * a key takes effect on this host with the next request ({@link AppDirectory#changed}); rotating or
 * revoking the secret key an owner signed in with ends that session too, since sessions are
 * signed with it.
 */
final class AdminAppsController {
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_ORIGINS = 50;
    private static final Set<String> PATCH_FIELDS = Set.of("name", "allowedOrigins");

    private final KeyAuth auth;
    private final StorageBackend storage;
    private final AppDirectory directory;
    private final AppEditor editor;
    private final Clock clock;

    AdminAppsController(KeyAuth auth, StorageBackend storage, AppDirectory directory, Clock clock) {
        this.auth = auth;
        this.storage = storage;
        this.directory = directory;
        this.editor = new AppEditor(storage, directory::changed);
        this.clock = clock;
    }

    void list(Context ctx) {
        KeyAuth.AdminCaller caller = auth.admin(ctx);
        List<App> apps = caller.operator() ? new ArrayList<>(storage.apps()) : List.of(fresh(caller.app().id()));
        JsonArray out = new JsonArray();
        apps.stream().sorted(Comparator.comparing(App::createdAt).thenComparing(App::id))
                .forEach(app -> out.add(AppSummary.toJson(app)));
        JsonObject body = new JsonObject();
        body.add("apps", out);
        JsonOut.write(ctx, 200, body);
    }

    void create(Context ctx) {
        if (!auth.admin(ctx).operator()) {
            throw new ApiException.Forbidden("operator-only", "Only the operator creates apps: sign in to the dashboard"
                    + " with the operator token, or run ./swipeloop apps create on the server.");
        }
        JsonObject body = JsonBody.parseObject(ctx.bodyAsBytes());
        FieldCheck check = new FieldCheck();
        String name = name(body, check, true);
        List<String> origins = origins(body, check, true);
        check.throwIfAny("The app cannot be created: fix the fields named.");
        AppCreator.CreatedApp created = new AppCreator(storage, clock).create(name, origins);
        directory.changed(created.app());
        JsonOut.write(ctx, 201, created.toJson());
    }

    void patch(Context ctx) {
        String appId = ownApp(ctx);
        JsonObject body = JsonBody.parseObject(ctx.bodyAsBytes());
        FieldCheck check = new FieldCheck();
        for (String field : body.keySet()) {
            if (!PATCH_FIELDS.contains(field)) {
                check.fail(field, "is not a field that can be changed; send name and/or allowedOrigins");
            }
        }
        String name = name(body, check, false);
        List<String> origins = origins(body, check, false);
        check.throwIfAny("Nothing was changed: fix the fields named.");
        JsonOut.write(ctx, 200, AppSummary.toJson(editing(() -> editor.edit(appId, name, origins))));
    }

    void rotate(Context ctx) {
        String appId = ownApp(ctx);
        KeyKind kind = kind(ctx, List.of(KeyKind.SECRET, KeyKind.PUBLISHABLE, KeyKind.SIGNING));
        AppEditor.Rotated rotated = editing(() -> editor.rotate(appId, kind));
        JsonObject body = new JsonObject();
        body.addProperty("app", appId);
        body.addProperty("kind", kind.wireName());
        body.addProperty("key", rotated.key());
        JsonOut.write(ctx, 200, body);
    }

    void revoke(Context ctx) {
        String appId = ownApp(ctx);
        KeyKind kind = kind(ctx, List.of(KeyKind.SECRET, KeyKind.PUBLISHABLE));
        JsonOut.write(ctx, 200, AppSummary.toJson(editing(() -> editor.revoke(appId, kind))));
    }

    /** The app of the path, if the caller may change it: the operator any, an owner only their own. */
    private String ownApp(Context ctx) {
        KeyAuth.AdminCaller caller = auth.admin(ctx);
        String appId = ctx.pathParam("app");
        if (!caller.mayChange(appId)) {
            throw new ApiException.Forbidden("wrong-app", "You are signed in for app '" + caller.app().id()
                    + "' and cannot change app '" + appId + "'; sign in with its secret key or the operator token.");
        }
        return appId;
    }

    private App fresh(String appId) {
        return storage.app(appId).orElseThrow(() -> unknown(appId));
    }

    private static <T> T editing(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (UnknownAppException e) {
            throw new ApiException.NotFound("unknown-app", "There is no such app on this server; GET /v1/admin/apps"
                    + " lists them.");
        } catch (AppEditor.NotEditableException e) {
            throw new ApiException.Conflict("apps-not-editable", e.getMessage() + ".");
        }
    }

    private static ApiException unknown(String appId) {
        return new ApiException.NotFound("unknown-app", "There is no app '" + appId + "' on this server.");
    }

    private static KeyKind kind(Context ctx, List<KeyKind> allowed) {
        String text = ctx.pathParam("kind");
        for (KeyKind kind : allowed) {
            if (kind.wireName().equals(text)) {
                return kind;
            }
        }
        throw new ApiException.Invalid("There is no such key to change.", List.of(new FieldError("kind",
                "must be one of " + String.join(", ", allowed.stream().map(KeyKind::wireName).toList())
                        + (allowed.contains(KeyKind.SIGNING) ? "" : " (the signing secret is rotated, not revoked)"))));
    }

    private static String name(JsonObject body, FieldCheck check, boolean required) {
        String name = check.string(body, "", "name", required, MAX_NAME_LENGTH);
        if (name != null && name.isBlank()) {
            check.fail("name", "must not be blank");
            return null;
        }
        return name;
    }

    /** The origins, each in canonical form; every bad one is named {@code allowedOrigins[i]}. */
    private static List<String> origins(JsonObject body, FieldCheck check, boolean required) {
        JsonElement element = body.get("allowedOrigins");
        if (element == null || element.isJsonNull()) {
            if (required) {
                check.fail("allowedOrigins", "is required: the sites that embed the widget, like"
                        + " [\"https://app.example.com\"]");
            }
            return null;
        }
        if (!element.isJsonArray() || element.getAsJsonArray().isEmpty()
                || element.getAsJsonArray().size() > MAX_ORIGINS) {
            check.fail("allowedOrigins", "must be an array of 1 to " + MAX_ORIGINS + " origins like"
                    + " \"https://app.example.com\"");
            return null;
        }
        List<String> origins = new ArrayList<>();
        JsonArray array = element.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String field = "allowedOrigins[" + i + "]";
            JsonElement entry = array.get(i);
            if (!entry.isJsonPrimitive() || !entry.getAsJsonPrimitive().isString()) {
                check.fail(field, "must be a string, not " + JsonBody.describe(entry));
                continue;
            }
            try {
                origins.add(Origins.normalize(entry.getAsString()));
            } catch (InvalidOriginException e) {
                check.fail(field, e.getMessage());
            }
        }
        return origins;
    }
}
