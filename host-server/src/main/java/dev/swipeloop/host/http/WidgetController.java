package dev.swipeloop.host.http;

import dev.swipeloop.host.widget.WidgetBundle;
import io.javalin.http.Context;

/**
 * {@code GET /widget.js}, {@code /widget.<hash>.js} and {@code /widget.d.ts}: the embeddable
 * script, from any origin, with no key and no rate limit (a page load is not an API call).
 * The hashed URL names one build and is cached for a year; {@code /widget.js} is an alias
 * cached for minutes (with an ETag), so embedders who use it pick up a new build soon. The
 * same route serves {@code /widget.progress.<hash>.js}, the module a deck with
 * {@code show-progress} imports: the script names it with its hash, so it has no alias.
 * {@code Access-Control-Allow-Origin: *} lets embedders {@code fetch()} it or load it with
 * {@code integrity} and {@code crossorigin}; a plain script tag needs no CORS.
 */
final class WidgetController {
    static final String SHORT_CACHE = "public, max-age=300";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SCRIPT_TYPE = "text/javascript; charset=utf-8";
    static final String DECLARATIONS_TYPE = "text/plain; charset=utf-8";

    static final String PROGRESS_PREFIX = "progress.";

    private final WidgetBundle bundle;
    private final byte[] script;
    private final byte[] progress;
    private final byte[] declarations;

    WidgetController(WidgetBundle bundle) {
        this.bundle = bundle;
        this.script = bundle.script();
        this.progress = bundle.progress();
        this.declarations = bundle.declarations();
    }

    void alias(Context ctx) {
        serve(ctx, SCRIPT_TYPE, SHORT_CACHE, bundle.hash(), script);
    }

    void hashed(Context ctx) {
        String hash = ctx.pathParam("hash");
        if (hash.equals(PROGRESS_PREFIX + bundle.progressHash())) {
            serve(ctx, SCRIPT_TYPE, IMMUTABLE, bundle.progressHash(), progress);
            return;
        }
        if (!hash.equals(bundle.hash())) {
            anyOrigin(ctx);
            throw new ApiException.NotFound("This server has no widget build " + hash + "; it serves "
                    + bundle.hashedPath() + " (also in /health as widget.url), or /widget.js for the latest build.");
        }
        serve(ctx, SCRIPT_TYPE, IMMUTABLE, bundle.hash(), script);
    }

    void declarations(Context ctx) {
        serve(ctx, DECLARATIONS_TYPE, SHORT_CACHE, bundle.declarationsHash(), declarations);
    }

    private static void serve(Context ctx, String contentType, String cacheControl, String hash, byte[] body) {
        String etag = "\"" + hash + "\"";
        anyOrigin(ctx);
        ctx.header("Cache-Control", cacheControl).header("ETag", etag).header("X-Content-Type-Options", "nosniff");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType).result(body);
    }

    private static void anyOrigin(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        // Pages that isolate themselves (COEP require-corp) may still load the script without CORS.
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
    }

    /** RFC 9110 weak comparison: {@code *}, or any listed tag, with or without {@code W/}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
