package dev.swipeloop.host.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's pages: {@code GET /admin} and {@code /admin/{page}} answer the one
 * {@code index.html} (the page's script routes by the path), {@code /admin/assets/{file}} its
 * scripts, styles and images, all from the class path under {@code resourceRoot}. Every answer,
 * errors included, carries a strict Content-Security-Policy and the headers that keep the
 * dashboard out of frames, so a page that shows keys can run no script but its own. Answers are
 * revalidated on every load ({@code no-cache} with an ETag): a new build is picked up at once.
 */
final class AdminPagesController {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: http: data: blob:;"
            + " style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'self'";
    static final Set<String> PAGES = Set.of("overview", "items", "rankings", "raters", "apps", "plugins", "exports");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "json", "application/json; charset=utf-8");
    /** A plain file name: no directories, no leading dot, so nothing outside the assets folder is reachable. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private record Asset(byte[] body, String contentType, String etag) {
    }

    private final String resourceRoot;
    /** Only files that exist are kept (a few dozen), so made-up names cannot fill it. */
    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    /** @param resourceRoot class-path folder of {@code index.html} and {@code assets/}, e.g. {@code /admin} */
    AdminPagesController(String resourceRoot) {
        this.resourceRoot = resourceRoot;
    }

    /** Adds the dashboard's headers to an answer of this controller, including the problem of a failed one. */
    static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff");
    }

    void index(Context ctx) {
        secure(ctx);
        serve(ctx, 200, indexPage());
    }

    /** A known page is the index; an unknown one too, with 404, so the page's script can say so. */
    void page(Context ctx) {
        secure(ctx);
        serve(ctx, PAGES.contains(ctx.pathParam("page")) ? 200 : 404, indexPage());
    }

    void asset(Context ctx) {
        secure(ctx);
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null || !FILE_NAME.matcher(file).matches()) {
            throw new ApiException.NotFound("The dashboard has no asset '" + file + "'.");
        }
        Asset asset = find("assets/" + file, type).orElseThrow(() ->
                new ApiException.NotFound("The dashboard has no asset '" + file + "'."));
        serve(ctx, 200, asset);
    }

    private Asset indexPage() {
        // The route exists and the build lacks its page: the server is broken, not the request.
        return find("index.html", "text/html; charset=utf-8").orElseThrow(() -> new ApiException(500,
                "dashboard-missing", "Internal server error", "The dashboard's pages are missing from this build ("
                        + resourceRoot + "/index.html); rebuild host-server.", List.of(), null) {
            private static final long serialVersionUID = 1L;
        });
    }

    private static void serve(Context ctx, int status, Asset asset) {
        ctx.header("Cache-Control", "no-cache").header("ETag", asset.etag());
        if (status == 200 && WidgetController.matches(ctx.header("If-None-Match"), asset.etag())) {
            ctx.status(304);
            return;
        }
        ctx.status(status).contentType(asset.contentType()).result(asset.body());
    }

    private Optional<Asset> find(String path, String contentType) {
        Asset cached = loaded.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = AdminPagesController.class.getResourceAsStream(resourceRoot + "/" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            Asset asset = new Asset(body, contentType, "\"" + sha256(body).substring(0, 16) + "\"");
            loaded.put(path, asset);
            return Optional.of(asset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
