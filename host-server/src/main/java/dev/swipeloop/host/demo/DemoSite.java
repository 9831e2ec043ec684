package dev.swipeloop.host.demo;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.VoteKind;
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
import java.util.List;

/**
 * The demo's pages: {@code /} lists the demo deck (until the widget takes over this page), and
 * {@code /demo/images/*} serves the locally painted images. The page carries no script or
 * inline style, so it works under a strict Content-Security-Policy.
 */
public final class DemoSite {
    private static final String STYLESHEET = readStylesheet();

    private final Path imageDir;
    private volatile DemoApp app;
    private volatile StorageBackend storage;

    public DemoSite(Path dataDir) {
        this.imageDir = dataDir.resolve("demo").resolve("images");
    }

    Path imageDir() {
        return imageDir;
    }

    /** Registers the routes; they answer 503 until {@link #ready} is called. */
    public void routes(JavalinConfig config) {
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
        List<Item> deck = storage.deck(current.appId(), "demo-page-viewer", VoteKind.BINARY, 100);
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .append("<title>Swipeloop demo deck</title><link rel=\"stylesheet\" href=\"/demo/demo.css\"></head><body><main>")
            .append("<h1>Swipeloop demo deck</h1>")
            .append("<p>").append(deck.size()).append(" images of app <code>").append(escape(current.appId()))
            .append("</code>. The swipe widget will replace this list; until then try the API: ")
            .append("<a href=\"/health\">/health</a>, <a href=\"/openapi.json\">/openapi.json</a>.</p>")
            .append("<p>Publishable key: <code>").append(escape(current.publishableKey())).append("</code></p><ul>");
        for (Item item : deck) {
            html.append("<li><figure><img src=\"").append(escape(item.imageUrl())).append("\" width=\"192\" height=\"192\" alt=\"")
                .append(escape(item.provenance().prompt())).append("\"><figcaption>")
                .append(escape(item.provenance().prompt())).append("<em>").append(escape(item.provenance().model()))
                .append("</em></figcaption></figure></li>");
        }
        html.append("</ul></main></body></html>");
        ctx.contentType(ContentType.TEXT_HTML).result(html.toString());
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
