package dev.swipeloop.host.demo;

import dev.swipeloop.host.widget.WidgetBundle;
import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The demo's pages: {@code /} is the {@code <swipe-deck>} widget on the demo deck, as an
 * embedder would put it on a page (the publishable key in an attribute, the script from its
 * immutable hashed URL), with a switch between {@code ?mode=binary} (the default, also for
 * any unknown mode) and {@code ?mode=pair}, the demo app's public keys and the number of votes
 * stored so far. {@code /demo/demo.css} styles it and {@code /demo/images/*} serves the
 * locally painted images. The page has no inline script or style and is served with a strict
 * Content-Security-Policy, which proves the widget needs neither.
 */
public final class DemoSite {
    /** Everything from this server; images may also be {@code data:} URLs. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:";
    private static final String STYLESHEET = readStylesheet();

    private final Path imageDir;
    private volatile String widgetPath;
    private volatile DemoApp app;
    private volatile StorageBackend storage;

    public DemoSite(Path dataDir) {
        this.imageDir = dataDir.resolve("demo").resolve("images");
    }

    Path imageDir() {
        return imageDir;
    }

    /** Registers the routes; {@code /} answers 503 until {@link #ready} is called. */
    public void routes(JavalinConfig config) {
        widgetPath = WidgetBundle.bundled().hashedPath();
        imageDir.toFile().mkdirs();
        config.staticFiles.add(files -> {
            files.hostedPath = "/demo/images";
            files.directory = imageDir.toString();
            files.location = Location.EXTERNAL;
        });
        config.routes.get("/", this::page);
        config.routes.get("/demo/demo.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(STYLESHEET));
    }

    void ready(DemoApp demoApp, StorageBackend backend) {
        this.storage = backend;
        this.app = demoApp;
    }

    private void page(Context ctx) {
        DemoApp current = app;
        if (current == null) {
            ctx.status(503).header("Retry-After", "1").result("The demo deck is being prepared; reload in a moment.");
            return;
        }
        boolean pair = "pair".equals(ctx.queryParam("mode"));
        AppStats stats = storage.stats(current.appId());
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .append("<title>Swipeloop demo</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/demo/demo.css\">")
            .append("<script src=\"").append(escape(widgetPath)).append("\" defer></script></head><body><main>")
            .append("<h1>Swipeloop demo</h1>")
            .append("<p class=\"intro\">")
            .append(pair
                    ? "Two images of the same prompt, from different pretend models: pick the better one, or call it a tie."
                    : "Images from three pretend models: smash or pass. Drag a card, tap a button or use the arrow keys.")
            .append(" Every decision is stored on this server as a vote, ready for preference tuning.</p>")
            .append("<nav class=\"modes\" aria-label=\"Deck mode\">")
            .append(modeLink("binary", "Smash or pass", !pair))
            .append(modeLink("pair", "Pick the better", pair))
            .append("</nav>")
            .append("<swipe-deck key=\"").append(escape(current.publishableKey())).append("\" mode=\"")
            .append(pair ? "pair" : "binary").append("\" labels=\"Smash,Pass\" show-progress></swipe-deck>")
            .append("<noscript><p class=\"intro\">The deck is a script: enable JavaScript to swipe.</p></noscript>")
            .append("<section class=\"panel\" aria-labelledby=\"about\"><h2 id=\"about\">Behind the deck</h2>")
            .append("<p class=\"count\">").append(votesLine(stats)).append("</p><dl>")
            .append("<dt>App</dt><dd><code>").append(escape(current.appId())).append("</code></dd>")
            .append("<dt>Publishable key</dt><dd><code>").append(escape(current.publishableKey())).append("</code></dd>")
            .append("<dt>Secret key</dt><dd>printed in the terminal that started the demo, never on a page; ")
            .append("it reads the votes back from <code>GET /v1/votes</code></dd>")
            .append("<dt>Widget</dt><dd><a href=\"").append(escape(widgetPath)).append("\">").append(escape(widgetPath))
            .append("</a></dd><dt>Dashboard</dt><dd><a href=\"/admin\">/admin</a>, signed in with the secret key or")
            .append(" the operator token printed in the terminal</dd></dl>")
            .append("<p class=\"links\"><a href=\"/health\">/health</a> ")
            .append("<a href=\"/openapi.json\">/openapi.json</a></p></section></main></body></html>");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            .header("Cache-Control", "no-cache")
            .contentType(ContentType.TEXT_HTML)
            .result(html.toString());
    }

    private static String modeLink(String mode, String label, boolean current) {
        return "<a href=\"/?mode=" + mode + "\"" + (current ? " aria-current=\"page\"" : "") + ">" + label + "</a>";
    }

    private static String votesLine(AppStats stats) {
        return stats.votes() + (stats.votes() == 1 ? " vote" : " votes") + " stored so far (" + stats.binaryVotes()
                + " smash or pass, " + stats.pairVotes() + " pairs) from " + stats.raters()
                + (stats.raters() == 1 ? " rater" : " raters") + ", on " + stats.items() + " images.";
    }

    private static String readStylesheet() {
        try (InputStream in = DemoSite.class.getResourceAsStream("/demo/demo.css")) {
            if (in == null) {
                throw new IllegalStateException("demo/demo.css is missing from the host jar: rebuild with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
