package dev.swipeloop.host.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser signed in to the dashboard: it sends the session cookie with every request, and the
 * CSRF token on those that change something, as the dashboard's script does.
 */
public final class AdminClient {
    private final Http http;
    private final String cookie;
    private final JsonObject session;

    private AdminClient(Http http, String cookie, JsonObject session) {
        this.http = http;
        this.cookie = cookie;
        this.session = session;
    }

    /** POST /v1/admin/session; fails the test unless it answers 200 with the cookie. */
    public static AdminClient signIn(Http http, String secret) {
        HttpResponse<String> res = signInResponse(http, secret);
        if (res.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + res.statusCode() + " " + res.body());
        }
        String setCookie = res.headers().firstValue("Set-Cookie").orElseThrow();
        return new AdminClient(http, setCookie.substring(0, setCookie.indexOf(';')),
                JsonParser.parseString(res.body()).getAsJsonObject());
    }

    public static HttpResponse<String> signInResponse(Http http, String secret) {
        JsonObject body = new JsonObject();
        body.addProperty("secret", secret);
        return http.send(http.request("/v1/admin/session", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The answer of the sign-in: role, app, csrfToken, expiresAt. */
    public JsonObject session() {
        return session;
    }

    public String csrfToken() {
        return session.get("csrfToken").getAsString();
    }

    /** {@code swipeloop_admin=…}, as the browser sends it back. */
    public String cookie() {
        return cookie;
    }

    public HttpResponse<String> get(String path) {
        return http.send(request(path).GET());
    }

    /** A request that changes something, with the CSRF token (null body: none). */
    public HttpResponse<String> send(String method, String path, String json) {
        return http.send(request(path).header("X-CSRF-Token", csrfToken()).method(method, body(json))
                .header("Content-Type", "application/json"));
    }

    /** The same without the CSRF token, as another site's form would send it if the cookie went along. */
    public HttpResponse<String> sendWithoutCsrf(String method, String path, String json) {
        return http.send(request(path).method(method, body(json)).header("Content-Type", "application/json"));
    }

    public HttpRequest.Builder request(String path) {
        return http.request(path, null).header("Cookie", cookie);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }
}
