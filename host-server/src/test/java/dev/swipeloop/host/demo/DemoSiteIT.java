package dev.swipeloop.host.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.swipeloop.host.testing.Http;
import dev.swipeloop.host.testing.TestHost;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /} of {@code ./swipeloop demo}: the widget on the demo deck, under a strict CSP. */
class DemoSiteIT {
    /** A script element without a src: inline code, which the page's CSP would block. */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dir;
    TestHost host;
    Http http;
    DemoApp demo;
    String widgetUrl;

    @BeforeEach
    void start() {
        DemoSite site = new DemoSite(dir.resolve("data"));
        host = TestHost.start(dir, Map.of(), site::routes);
        http = host.http();
        String self = "http://127.0.0.1:" + host.host().port();
        demo = DemoSeeder.seed(host.storage(), site, dir.resolve("data"), List.of(self, "http://localhost:" + host.host().port()),
                host.host().plugins().rewardPolicies().stream().map(dev.swipeloop.sdk.reward.RewardPolicy::id).toList());
        widgetUrl = JsonParser.parseString(http.get("/health", null).body()).getAsJsonObject()
                .getAsJsonObject("widget").get("url").getAsString();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void thePageIsTheWidgetOnTheDemoDeckUnderAStrictCsp() {
        HttpResponse<String> page = http.get("/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("default-src 'self'; img-src 'self' data:", page.headers().firstValue("Content-Security-Policy").orElse(null));
        String html = page.body();
        assertTrue(html.contains("<script src=\"" + widgetUrl + "\" defer></script>"), "the immutable widget URL: " + html);
        assertTrue(html.contains("<swipe-deck key=\"" + demo.publishableKey() + "\" mode=\"binary\" labels=\"Smash,Pass\" show-progress>"), html);
        assertTrue(html.contains("<a href=\"/?mode=binary\" aria-current=\"page\">"), html);
        assertTrue(html.contains("<a href=\"/?mode=pair\">"), html);
        assertFalse(INLINE_SCRIPT.matcher(html).find(), "no inline script: " + html);
        assertFalse(html.contains("style="), "no inline style attribute");
        assertFalse(html.contains("<style"), "no inline stylesheet");
        assertTrue(html.contains("href=\"/health\"") && html.contains("href=\"/openapi.json\""));
        assertTrue(html.contains("<a href=\"/admin\">/admin</a>"), "the page leads to the dashboard");
        assertFalse(html.contains(demo.secretKey()), "the secret key is never put on a page");
        assertEquals(200, http.get(widgetUrl, null).statusCode(), "the page's script resolves");

        HttpResponse<String> css = http.get("/demo/demo.css", null);
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains("prefers-color-scheme: dark") && css.body().contains("max-width: 520px"));
    }

    @Test
    void theModeSwitchRendersPairAndFallsBackToBinary() {
        String pair = http.get("/?mode=pair", null).body();
        assertTrue(pair.contains("mode=\"pair\""), pair);
        assertTrue(pair.contains("<a href=\"/?mode=pair\" aria-current=\"page\">"), pair);
        assertTrue(pair.contains("<a href=\"/?mode=binary\">"), pair);

        HttpResponse<String> unknown = http.get("/?mode=%3Cscript%3Etriple", null);
        assertEquals(200, unknown.statusCode(), "an unknown mode shows the default deck rather than an error");
        assertTrue(unknown.body().contains("mode=\"binary\""), unknown.body());
        assertFalse(unknown.body().contains("<script>"), "the query never reaches the page");
    }

    @Test
    void thePageSaysHowManyVotesAreStored() {
        assertTrue(http.get("/", null).body().contains("0 votes stored"));
        String vote = "{\"votes\":[{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"visitor\",\"kind\":\"binary\","
                + "\"item\":\"demo-0-0\",\"verdict\":\"like\"}]}";
        HttpResponse<String> sent = http.post("/v1/votes", demo.publishableKey(), http.base(), vote);
        assertEquals(202, sent.statusCode(), sent.body());
        String html = http.get("/", null).body();
        assertTrue(html.contains("1 vote stored"), html);
        assertTrue(html.contains("24 images"), html);
    }

    @Test
    void theDemoPaysAnonymousSwipesSoItsProgressMeterMoves() {
        assertTrue(http.get("/", null).body().contains("show-progress"));
        String vote = "{\"votes\":[{\"id\":\"" + UUID.randomUUID() + "\",\"rater\":\"visitor\",\"kind\":\"binary\","
                + "\"item\":\"demo-0-0\",\"verdict\":\"like\"}]}";
        assertEquals(202, http.post("/v1/votes", demo.publishableKey(), http.base(), vote).statusCode());
        HttpResponse<String> progress = http.send(http.request("/v1/raters/visitor/progress", demo.publishableKey())
                .header("Origin", http.base()).GET());
        assertEquals(200, progress.statusCode(), progress.body());
        assertTrue(progress.body().contains("\"points\":1") && progress.body().contains("\"nextMilestone\":\"Rookie\""),
                progress.body());
    }
}
