package dev.swipeloop.host.http;

import com.google.gson.JsonObject;
import dev.swipeloop.host.admin.AdminSessions;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code POST /v1/admin/session} signs in to the dashboard with an app's secret key or the
 * operator token and sets the session cookie; {@code GET} tells the session again (the page
 * needs its CSRF token after a reload, and the cookie is out of its reach); {@code DELETE}
 * signs out. The cookie is {@code HttpOnly} (no script reads it), {@code SameSite=Strict}
 * (no other site's page sends it) and {@code Secure} whenever the dashboard is reached over HTTPS.
 */
final class AdminSessionController {
    private static final int MAX_SECRET_LENGTH = 200;

    private final KeyAuth auth;
    private final AdminSessions sessions;
    private final boolean trustProxy;
    private final String publicUrl;

    /**
     * @param trustProxy believe {@code X-Forwarded-Proto} (the operator's proxy wrote it) when
     *                   deciding whether the cookie is {@code Secure}
     */
    AdminSessionController(KeyAuth auth, AdminSessions sessions, boolean trustProxy, String publicUrl) {
        this.auth = auth;
        this.sessions = sessions;
        this.trustProxy = trustProxy;
        this.publicUrl = publicUrl;
    }

    void signIn(Context ctx) {
        JsonObject body = JsonBody.parseObject(ctx.bodyAsBytes());
        FieldCheck check = new FieldCheck();
        String secret = check.string(body, "", "secret", true, MAX_SECRET_LENGTH);
        check.throwIfAny("Send {\"secret\": \"…\"} with an app's secret key (sk_…) or the operator token.");
        AdminSessions.Issued issued = sessions.signIn(secret.trim()).orElseThrow(() -> wrongSecret(secret));
        ctx.header("Set-Cookie", cookie(ctx, issued.cookieValue(), sessions.lifetime().toSeconds()));
        JsonOut.write(ctx, 200, describe(issued.session()));
    }

    void current(Context ctx) {
        JsonOut.write(ctx, 200, describe(auth.session(ctx)));
    }

    void signOut(Context ctx) {
        auth.session(ctx);
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        ctx.status(204);
    }

    private String cookie(Context ctx, String value, long maxAgeSeconds) {
        return AdminSessions.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (overHttps(ctx) ? "; Secure" : "");
    }

    private boolean overHttps(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme()) || (publicUrl != null && publicUrl.startsWith("https:"))) {
            return true;
        }
        String forwarded = trustProxy ? ctx.header("X-Forwarded-Proto") : null;
        return forwarded != null && "https".equalsIgnoreCase(forwarded.split(",")[0].trim());
    }

    private static JsonObject describe(AdminSessions.Session session) {
        JsonObject json = new JsonObject();
        json.addProperty("role", session.role().wireName());
        json.addProperty("app", session.appId());
        json.addProperty("csrfToken", session.csrfToken());
        json.addProperty("expiresAt", session.expiresAt().toString());
        return json;
    }

    private static ApiException wrongSecret(String secret) {
        String hint = secret.startsWith("pk_") ? "that is a publishable key; sign in with the app's secret key (sk_…)"
                : "is neither a valid secret key of an app on this server nor the operator token";
        return new ApiException(401, "invalid-secret", "Not authenticated", "The secret does not sign in: " + hint + ".",
                List.of(new FieldError("secret", hint)), null) {
            private static final long serialVersionUID = 1L;
        };
    }
}
