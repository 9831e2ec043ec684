package dev.swipeloop.host.cli;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;

/** What {@code /} shows on a plain {@code serve}: where to go next. */
final class LandingPage {
    private static final String HTML = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Swipeloop</title></head><body><h1>Swipeloop is running</h1>"
            + "<p>Health: <a href=\"/health\">/health</a>. API description: <a href=\"/openapi.json\">/openapi.json</a>. "
            + "Create an app with <code>./swipeloop apps create --name NAME --origin https://your.site</code>.</p>"
            + "</body></html>";

    private LandingPage() {
    }

    static void routes(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.contentType(ContentType.TEXT_HTML).result(HTML));
    }
}
