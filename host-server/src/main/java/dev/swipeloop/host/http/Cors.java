package dev.swipeloop.host.http;

import dev.swipeloop.host.apps.AppDirectory;
import dev.swipeloop.host.apps.AppKeys;
import dev.swipeloop.host.apps.Origins;
import dev.swipeloop.sdk.model.App;
import io.javalin.http.Context;
import java.util.Collection;

/**
 * CORS per app. Javalin's CorsPlugin takes a fixed origin list at start-up, but allowed
 * origins live in storage and differ per app, so the answer is computed per request: the
 * app of the key (header or {@code ?key=}) decides; without a key, as in a preflight (which
 * never carries Authorization), any app's allowed origin is answered. The exact origin is
 * echoed with {@code Vary: Origin}; never {@code *}, and no credentials are involved (keys,
 * not cookies). The per-request key and origin checks in {@link KeyAuth} still apply.
 */
final class Cors {
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Rater-Token";
    static final String ALLOWED_METHODS = "GET, POST, PUT";
    static final int MAX_AGE_SECONDS = 600;

    private final AppDirectory apps;

    Cors(AppDirectory apps) {
        this.apps = apps;
    }

    /** Before every API request: lets the page read the answer (errors included) if its origin may call. */
    void decorate(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        ctx.header("Vary", "Origin");
        if (allowed(ctx, origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", "Retry-After");
        }
    }

    /** {@code OPTIONS}: the browser asks whether a cross-origin request may be sent. */
    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            ctx.header("Allow", ALLOWED_METHODS + ", OPTIONS").status(204);
            return;
        }
        ctx.header("Vary", "Origin");
        if (!allowed(ctx, origin)) {
            throw new ApiException.Forbidden("origin-not-allowed", "The origin " + origin
                    + " is not an allowed origin of " + (appOf(ctx) == null ? "any app" : "app '" + appOf(ctx).id() + "'")
                    + " on this server; add it to the app's allowed origins.");
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
        ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        ctx.header("Access-Control-Max-Age", String.valueOf(MAX_AGE_SECONDS));
        ctx.status(204);
    }

    private boolean allowed(Context ctx, String origin) {
        App app = appOf(ctx);
        Collection<String> origins = app != null ? app.allowedOrigins() : apps.allOrigins();
        return Origins.isAllowed(origin, origins);
    }

    private App appOf(Context ctx) {
        return KeyAuth.presentedKey(ctx, true)
                .flatMap(AppKeys::parse)
                .flatMap(key -> apps.find(key.appId()))
                .orElse(null);
    }
}
