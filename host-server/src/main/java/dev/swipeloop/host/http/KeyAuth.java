package dev.swipeloop.host.http;

import dev.swipeloop.host.apps.AppDirectory;
import dev.swipeloop.host.apps.AppKeys;
import dev.swipeloop.host.apps.AppKeys.KeyType;
import dev.swipeloop.host.apps.AppKeys.ParsedKey;
import dev.swipeloop.host.apps.Origins;
import dev.swipeloop.sdk.model.App;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the app behind a request's key and checks that the key may be used here: secret keys
 * anywhere for their app, publishable keys only on browser endpoints and only from the app's
 * allowed origins. Wrong or missing key: 401; right key used where it may not be: 403.
 */
final class KeyAuth {
    /** Who is calling: the app, and which of its keys was shown. */
    record Caller(App app, KeyType keyType) {
    }

    private final AppDirectory apps;
    private final RateLimiter keyLimiter;

    KeyAuth(AppDirectory apps, RateLimiter keyLimiter) {
        this.apps = apps;
        this.keyLimiter = keyLimiter;
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

    private Caller limited(Caller caller) {
        RateLimiter.Decision decision = keyLimiter.tryAcquire(
                caller.app().id() + ":" + caller.keyType().name().toLowerCase(Locale.ROOT));
        if (!decision.allowed()) {
            throw new ApiException.RateLimited("This API key sent more requests than its limit allows; retry after "
                    + decision.retryAfterSeconds() + " s.", decision.retryAfterSeconds());
        }
        return caller;
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException.Unauthorized("invalid-key", detail);
    }
}
