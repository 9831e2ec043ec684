package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Http;
import dev.swipeloop.host.testing.TestHost;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code <swipe-deck>} script as embedders load it: from any origin, no key, cached by URL kind. */
class WidgetIT {
    /** Not an allowed origin of any app: the widget must load there all the same. */
    static final String STRANGER = "https://stranger.example";

    @TempDir
    Path dir;
    TestHost host;
    Http http;

    @BeforeEach
    void start() {
        host = TestHost.start(dir);
        http = host.http();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    HttpResponse<byte[]> get(String path, String... headerPairs) {
        HttpRequest.Builder request = http.request(path, null).header("Origin", STRANGER);
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        return http.sendForBytes(request.GET());
    }

    static String header(HttpResponse<?> res, String name) {
        return res.headers().firstValue(name).orElse(null);
    }

    static String sha256Prefix(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
    }

    @Test
    void theAliasIsShortCachedWithAnEtagAndAnswers304() throws Exception {
        HttpResponse<byte[]> script = get("/widget.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", header(script, "Content-Type").toLowerCase(Locale.ROOT));
        assertEquals("public, max-age=300", header(script, "Cache-Control"));
        assertEquals("*", header(script, "Access-Control-Allow-Origin"));
        assertEquals("nosniff", header(script, "X-Content-Type-Options"));
        assertTrue(new String(script.body(), StandardCharsets.UTF_8).contains("swipe-deck"), "the built widget");
        String etag = header(script, "ETag");
        assertEquals("\"" + sha256Prefix(script.body()) + "\"", etag, "a quoted hash of the bytes");

        HttpResponse<byte[]> again = get("/widget.js", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, header(again, "ETag"));
        assertEquals(304, get("/widget.js", "If-None-Match", "\"other\", W/" + etag).statusCode(), "a weak tag in a list");
        assertEquals(200, get("/widget.js", "If-None-Match", "\"0000000000000000\"").statusCode(), "an old build's tag");
    }

    @Test
    void theHashedUrlFromHealthIsImmutableWithTheSameBytes() throws Exception {
        byte[] alias = get("/widget.js").body();
        JsonObject widget = JsonParser.parseString(http.get("/health", null).body()).getAsJsonObject().getAsJsonObject("widget");
        String url = widget.get("url").getAsString();
        assertEquals("/widget." + sha256Prefix(alias) + ".js", url);
        assertEquals(alias.length, widget.get("bytes").getAsInt());

        HttpResponse<byte[]> hashed = get(url);
        assertEquals(200, hashed.statusCode());
        assertArrayEquals(alias, hashed.body());
        assertEquals("public, max-age=31536000, immutable", header(hashed, "Cache-Control"));
        assertTrue(header(hashed, "Content-Type").startsWith("text/javascript"));
        assertEquals("*", header(hashed, "Access-Control-Allow-Origin"));
        assertEquals(304, get(url, "If-None-Match", header(hashed, "ETag")).statusCode());
    }

    @Test
    void anotherBuildsHashIsANotFoundProblem() {
        HttpResponse<String> missing = http.get("/widget.0123456789abcdef.js", null);
        JsonObject problem = HttpApiIT.problem(missing, 404, "not-found");
        assertTrue(problem.get("detail").getAsString().contains("/widget.js"), problem.toString());
        assertFalse(String.valueOf(header(missing, "Cache-Control")).contains("immutable"), "a 404 is never cached for good");
        assertEquals("*", header(missing, "Access-Control-Allow-Origin"));
        HttpApiIT.problem(http.get("/widget.latest.min.js", null), 404, "not-found");
    }

    @Test
    void theProgressModuleTheScriptImportsIsServedImmutableToAnyOrigin() throws Exception {
        String script = new String(get("/widget.js").body(), StandardCharsets.UTF_8);
        Matcher named = Pattern.compile("widget\\.progress\\.([0-9a-f]{16})\\.js").matcher(script);
        assertTrue(named.find(), "widget.js names its progress module");

        HttpResponse<byte[]> module = get("/" + named.group());
        assertEquals(200, module.statusCode());
        assertEquals(named.group(1), sha256Prefix(module.body()), "the name is the hash of the bytes served");
        assertTrue(header(module, "Content-Type").startsWith("text/javascript"), "a module script needs a JavaScript type");
        assertEquals("public, max-age=31536000, immutable", header(module, "Cache-Control"));
        // import() of a cross-origin module is a CORS request: without this header no meter shows.
        assertEquals("*", header(module, "Access-Control-Allow-Origin"));
        assertEquals(304, get("/" + named.group(), "If-None-Match", header(module, "ETag")).statusCode());
        HttpApiIT.problem(http.get("/widget.progress.0123456789abcdef.js", null), 404, "not-found");
    }

    @Test
    void theTypeDeclarationsAreServed() {
        HttpResponse<byte[]> types = get("/widget.d.ts");
        assertEquals(200, types.statusCode());
        assertTrue(header(types, "Content-Type").startsWith("text/plain"), header(types, "Content-Type"));
        assertEquals("public, max-age=300", header(types, "Cache-Control"));
        assertEquals("*", header(types, "Access-Control-Allow-Origin"));
        assertTrue(new String(types.body(), StandardCharsets.UTF_8).contains("SwipeDeck"));
        assertEquals(304, get("/widget.d.ts", "If-None-Match", header(types, "ETag")).statusCode());
    }

    @Test
    void loadingTheWidgetIsNotRateLimited() {
        host.close();
        host = TestHost.start(dir.resolve("limited"), Map.of("limits.addressRequestsPerSecond", "1", "limits.addressBurst", "2"));
        http = host.http();
        for (int i = 0; i < 10; i++) {
            assertEquals(200, get("/widget.js").statusCode(), "request " + i);
        }
    }
}
