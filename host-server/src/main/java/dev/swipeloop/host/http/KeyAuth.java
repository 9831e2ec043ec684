package dev.swipeloop.host.http;

import dev.swipeloop.host.admin.AdminSessions;
import dev.swipeloop.host.apps.AppDirectory;
import dev.swipeloop.host.apps.AppKeys;
import dev.swipeloop.host.apps.AppKeys.KeyType;
import dev.swipeloop.host.apps.AppKeys.ParsedKey;
import dev.swipeloop.host.apps.Origins;
import dev.swipeloop.sdk.model.App;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the app behind a request's key and checks that the key may be used here: secret keys
 * anywhere for their app, publishable keys only on browser endpoints and only from the app's
 * allowed origins. Wrong or missing key: 401; right key used where it may not be: 403.
 *
 * <p>A request without a key may be signed in by the dashboard's session cookie instead
 * ({@link AdminSessions}): it then counts as the secret key of its app, which the operator names
 * in {@code X-Swipeloop-App} or {@code ?app=}. A cookie is sent by the browser on its own, so
 * with it every method but GET and HEAD must repeat the session's CSRF token in
 * {@code X-CSRF-Token}; a key in the Authorization header needs none, and wins over a cookie.
 */
final class KeyAuth {
    static final String APP_HEADER = "X-Swipeloop-App";
    static final String APP_QUERY = "app";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_ATTRIBUTE = "swipeloop.adminSession";
    private static final Set<HandlerType> SAFE_METHODS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    /** Who is calling: the app, and which of its keys was shown. */
    record Caller(App app, KeyType keyType) {
    }

    /** Who is calling an admin endpoint that is not about one app: the operator (app null), or one app's owner. */
    record AdminCaller(boolean operator, App app) {
        boolean mayChange(String appId) {
            return operator || app.id().equals(appId);
        }
    }

    private final AppDirectory apps;
    private final RateLimiter keyLimiter;
    private final AdminSessions sessions;

    KeyAuth(AppDirectory apps, RateLimiter keyLimiter, AdminSessions sessions) {
        this.apps = apps;
        this.keyLimiter = keyLimiter;
        this.sessions = sessions;
    }

    /** For server endpoints: the app's secret key only. */
    Caller secret(Context ctx) {
        Caller caller = resolve(ctx, false);
        if (caller.keyType() != KeyType.SECRET) {
            throw new ApiException.Forbidden("secret-key-required", "This endpoint needs the app's secret key (sk_…)"
                    + " from your server; publishable keys work only on GET /v1/deck and POST /v1/votes.");
        }
        return limited(caller);
    }

    /** For browser endpoints: the secret key, or the publishable key from an allowed origin. */
    Caller browser(Context ctx, boolean queryKeyAllowed) {
        Caller caller = resolve(ctx, queryKeyAllowed);
        if (caller.keyType() == KeyType.PUBLISHABLE) {
            String origin = requestOrigin(ctx).orElseThrow(() -> new ApiException.Forbidden("origin-required",
                    "Publishable keys work only from a web page of one of the app's allowed origins, and this request"
                            + " has neither an Origin nor a Referer header; call from the browser, or use the secret key"
                            + " from a server."));
            if (!Origins.isAllowed(origin, caller.app().allowedOrigins())) {
                throw new ApiException.Forbidden("origin-not-allowed", "The origin " + origin
                        + " is not allowed for app '" + caller.app().id() + "'; add it to the app's allowed origins.");
            }
        }
        return limited(caller);
    }

    /**
     * For the admin endpoints about apps in general: an operator session (any app), an app's
     * session or its secret key (that app only).
     */
    AdminCaller admin(Context ctx) {
        String cookie = ctx.cookie(AdminSessions.COOKIE);
        if (ctx.header("Authorization") == null && cookie != null && !cookie.isEmpty()) {
            AdminSessions.Session session = checked(ctx, cookie);
            if (session.role() == AdminSessions.Role.OPERATOR) {
                limited("operator");
                return new AdminCaller(true, null);
            }
            return new AdminCaller(false, limited(new Caller(selectedApp(ctx, session), KeyType.SECRET)).app());
        }
        return new AdminCaller(false, secret(ctx).app());
    }

    /** The session of the request's cookie (401 without a valid one), its CSRF token checked unless GET or HEAD. */
    AdminSessions.Session session(Context ctx) {
        String cookie = ctx.cookie(AdminSessions.COOKIE);
        if (cookie == null || cookie.isEmpty()) {
            throw new ApiException.Unauthorized("no-session", "Not signed in: POST /v1/admin/session with an app's"
                    + " secret key or the operator token.");
        }
        return checked(ctx, cookie);
    }

    /** Whether the request was signed in by a session cookie (its {@code ?app=} is then no option of anything). */
    static boolean bySession(Context ctx) {
        return ctx.attribute(SESSION_ATTRIBUTE) != null;
    }

    /** The page's origin: {@code Origin}, or the {@code Referer}'s origin (same-origin GETs send no Origin). */
    static Optional<String> requestOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.isBlank()) {
            return Optional.of(origin.trim());
        }
        return Origins.ofUrl(ctx.header("Referer"));
    }

    /** The key of a request as text, without checking it: bearer header, else {@code ?key=}. */
    static Optional<String> presentedKey(Context ctx, boolean queryKeyAllowed) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        if (queryKeyAllowed) {
            return Optional.ofNullable(ctx.queryParam("key"));
        }
        return Optional.empty();
    }

    private Caller resolve(Context ctx, boolean queryKeyAllowed) {
        String header = ctx.header("Authorization");
        if (header != null && !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("The Authorization header must be 'Bearer <key>' with the app's pk_ or sk_ key.");
        }
        String queryKey = queryKeyAllowed ? ctx.queryParam("key") : null;
        if (queryKey != null && queryKey.startsWith(KeyType.SECRET.prefix())) {
            throw new ApiException.Forbidden("secret-key-in-url", "Never put a secret key in a URL (it ends up in logs);"
                    + " send it as 'Authorization: Bearer sk_…' and rotate this one.");
        }
        String text = header != null ? header.substring(7).trim() : queryKey;
        String cookie = ctx.cookie(AdminSessions.COOKIE);
        if (header == null && queryKey == null && cookie != null && !cookie.isEmpty()) {
            return new Caller(selectedApp(ctx, checked(ctx, cookie)), KeyType.SECRET);
        }
        if (text == null || text.isEmpty()) {
            throw unauthorized("No API key: send 'Authorization: Bearer <key>' with the app's pk_ or sk_ key.");
        }
        Caller caller = verify(text);
        if (header != null && queryKey != null) {
            Caller other = verify(queryKey);
            if (!other.app().id().equals(caller.app().id())) {
                throw new ApiException.Forbidden("wrong-app", "The Authorization header and ?key= belong to different"
                        + " apps; send one key.");
            }
        }
        return caller;
    }

    private Caller verify(String text) {
        ParsedKey key = AppKeys.parse(text).orElseThrow(() -> unauthorized(
                "That is not a Swipeloop API key; keys look like pk_<app>_… or sk_<app>_…."));
        App app = apps.find(key.appId()).orElseThrow(() -> unauthorized(
                "Unknown API key: no app '" + key.appId() + "' on this server."));
        boolean matches = key.type() == KeyType.SECRET
                ? AppKeys.secretMatches(key.text(), app.secretKeyHash())
                : AppKeys.publishableMatches(key.text(), app.publishableKey());
        if (!matches) {
            throw unauthorized("The " + (key.type() == KeyType.SECRET ? "secret" : "publishable")
                    + " key is not valid for app '" + app.id() + "' (revoked or mistyped).");
        }
        return new Caller(app, key.type());
    }

    private AdminSessions.Session checked(Context ctx, String cookie) {
        AdminSessions.Session session;
        try {
            session = sessions.verify(cookie);
        } catch (AdminSessions.Refused e) {
            throw new ApiException.Unauthorized(e.expired() ? "session-expired" : "invalid-session", e.getMessage());
        }
        if (!SAFE_METHODS.contains(ctx.method()) && !AdminSessions.csrfMatches(session, ctx.header(CSRF_HEADER))) {
            throw new ApiException.Forbidden("csrf", "A request signed in by the session cookie that changes something"
                    + " must carry the header " + CSRF_HEADER + " with the csrfToken of GET /v1/admin/session.");
        }
        ctx.attribute(SESSION_ATTRIBUTE, session);
        return session;
    }

    /** The app a session acts for: its own, or for the operator the one named in the header or query. */
    private App selectedApp(Context ctx, AdminSessions.Session session) {
        String header = ctx.header(APP_HEADER);
        String requested = header != null && !header.isBlank() ? header.trim() : ctx.queryParam(APP_QUERY);
        if (requested != null && requested.isBlank()) {
            requested = null;
        }
        String wanted = session.role() == AdminSessions.Role.APP ? session.appId() : requested;
        if (wanted == null) {
            throw new ApiException.Invalid("Operator sessions name the app they act for.", List.of(new FieldError(
                    APP_QUERY, "is required: send the app's id in the " + APP_HEADER + " header or as ?app=")));
        }
        if (requested != null && !requested.equals(wanted)) {
            throw new ApiException.Forbidden("wrong-app", "This session is signed in for app '" + wanted
                    + "' and cannot act for app '" + requested + "'; sign in with that app's secret key.");
        }
        return apps.find(wanted).orElseThrow(() -> session.role() == AdminSessions.Role.APP
                ? new ApiException.Unauthorized("invalid-session", "The app of this session is gone; sign in again.")
                : new ApiException.NotFound("unknown-app", "There is no app '" + wanted + "' on this server;"
                        + " GET /v1/admin/apps lists them."));
    }

    private Caller limited(Caller caller) {
        limited(caller.app().id() + ":" + caller.keyType().name().toLowerCase(Locale.ROOT));
        return caller;
    }

    private void limited(String limitKey) {
        RateLimiter.Decision decision = keyLimiter.tryAcquire(limitKey);
        if (!decision.allowed()) {
            throw new ApiException.RateLimited("This API key sent more requests than its limit allows; retry after "
                    + decision.retryAfterSeconds() + " s.", decision.retryAfterSeconds());
        }
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException.Unauthorized("invalid-key", detail);
    }
}
