package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.testing.Http;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's files on a real Jetty on port 0, from a fixture folder of the test class path. */
class AdminPagesControllerTest {
    private Javalin server;
    private Http http;

    @BeforeEach
    void start() {
        AdminPagesController pages = new AdminPagesController("/admin-fixture");
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/admin", pages::index);
            config.routes.get("/admin/{page}", pages::page);
            config.routes.get("/admin/assets/{file}", pages::asset);
            new ProblemMapper(1024).register(config.routes);
        }).start("127.0.0.1", 0);
        http = new Http("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** Jetty writes {@code text/html;charset=utf-8}, without the space. */
    static String contentType(HttpResponse<?> res) {
        return res.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    static void assertDashboardHeaders(HttpResponse<?> res) {
        assertEquals(AdminPagesController.CONTENT_SECURITY_POLICY,
                res.headers().firstValue("Content-Security-Policy").orElse(null), res.uri().toString());
        assertEquals("DENY", res.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("same-origin", res.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void everyPageIsTheIndexWithTheDashboardHeaders() {
        HttpResponse<String> index = http.get("/admin", null);
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<title>fixture</title>"));
        assertEquals("text/html;charset=utf-8", contentType(index));
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElse(null));
        assertDashboardHeaders(index);
        for (String page : AdminPagesController.PAGES) {
            HttpResponse<String> res = http.get("/admin/" + page, null);
            assertEquals(200, res.statusCode(), page);
            assertEquals(index.body(), res.body());
            assertDashboardHeaders(res);
        }
        HttpResponse<String> unknown = http.get("/admin/settingz", null);
        assertEquals(404, unknown.statusCode(), "an unknown page is the index, so its script can say so, with 404");
        assertEquals(index.body(), unknown.body());
        assertDashboardHeaders(unknown);
    }

    @Test
    void assetsHaveTheirTypeAndRevalidate() {
        HttpResponse<String> script = http.get("/admin/assets/app.js", null);
        assertEquals(200, script.statusCode());
        assertEquals("export const fixture = true;\n", script.body());
        assertEquals("text/javascript;charset=utf-8", contentType(script));
        assertEquals("no-cache", script.headers().firstValue("Cache-Control").orElse(null));
        assertDashboardHeaders(script);
        assertEquals("text/css;charset=utf-8", contentType(http.get("/admin/assets/admin.css", null)));
        assertEquals("image/svg+xml", contentType(http.get("/admin/assets/logo.svg", null)));

        String etag = script.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(http.request("/admin/assets/app.js", null)
                .header("If-None-Match", etag).GET());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void unknownOrUnsafeAssetNamesAre404WithTheDashboardHeaders() {
        for (String path : new String[] {"/admin/assets/missing.js", "/admin/assets/notes.txt",
                "/admin/assets/.hidden.js", "/admin/assets/..%2Findex.html", "/admin/assets/%2e%2e%2fapp.js"}) {
            HttpResponse<String> res = http.get(path, null);
            assertEquals(404, res.statusCode(), path);
            assertDashboardHeaders(res);
        }
        HttpResponse<String> missing = http.get("/admin/assets/missing.js", null);
        assertTrue(contentType(missing).startsWith("application/problem+json"));
    }
}
