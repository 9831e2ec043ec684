package dev.swipeloop.host.http;

import com.google.gson.JsonObject;
import dev.swipeloop.host.media.MediaRejectedException;
import dev.swipeloop.host.media.MediaStore;
import dev.swipeloop.host.media.StoredMedia;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code POST /v1/media} (secret key): the app's backend uploads an image's raw bytes; the answer
 * names it by its SHA-256 and gives the URL to use as an item's {@code imageUrl}.
 * {@code GET /media/{sha256}} (and {@code HEAD}): the image, to anyone (pages load it with a plain
 * {@code <img>}), cached for a year since its name is its content. The body is streamed both ways: an upload
 * is never held in memory, so it is capped by {@code media.maxBytes}, not by
 * {@code limits.maxBodyBytes} (which caps the JSON endpoints' bodies read whole).
 */
final class MediaController {
    /**
     * An image opened on its own is shown in a document of the browser's making: it gets no
     * script, no plugins and no subresources, and is sandboxed (its own origin). The inline style
     * lets the browser's image viewer centre the picture.
     */
    static final String IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final KeyAuth auth;
    private final MediaStore store;
    private final String publicUrl;

    MediaController(KeyAuth auth, MediaStore store, String publicUrl) {
        this.auth = auth;
        this.store = store;
        this.publicUrl = publicUrl;
    }

    void upload(Context ctx) throws IOException {
        auth.secret(ctx);
        // Refused before a byte is read: with "Expect: 100-continue" (curl sends it for large
        // bodies) the client then never sends the body at all.
        long declared = ctx.req().getContentLengthLong();
        if (declared > store.maxBytes()) {
            throw tooLarge();
        }
        MediaStore.Put put;
        try {
            put = store.put(ctx.bodyInputStream());
        } catch (MediaRejectedException e) {
            throw switch (e.reason()) {
                case EMPTY -> new ApiException.Invalid("The body is empty; send the image's bytes as the request body.",
                        List.of(new FieldError("body", e.getMessage())));
                case TOO_LARGE -> tooLarge();
                case UNSUPPORTED_TYPE -> new ApiException.UnsupportedMediaType("unsupported-media-type", "Only PNG,"
                        + " JPEG, WebP and GIF images are stored; the type is read from the first bytes of the body,"
                        + " whatever the Content-Type says.", List.of(new FieldError("body", e.getMessage())));
            };
        }
        StoredMedia media = put.media();
        String url = BaseUrl.of(ctx, publicUrl) + media.urlPath();
        JsonObject body = new JsonObject();
        body.addProperty("sha256", media.sha256());
        body.addProperty("url", url);
        body.addProperty("mediaType", media.mediaType());
        body.addProperty("bytes", media.size());
        if (put.created()) {
            ctx.header("Location", url);
        }
        JsonOut.write(ctx, put.created() ? 201 : 200, body);
    }

    void serve(Context ctx) throws IOException {
        String sha = ctx.pathParam("sha256");
        ctx.header("Access-Control-Allow-Origin", "*");
        // Pages that isolate themselves (COEP require-corp) may still show the image.
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
        if (!MediaStore.isSha256(sha)) {
            throw new ApiException.Invalid("Media are named by the SHA-256 of their bytes: /media/<64 lower-case hex"
                    + " digits>, as POST /v1/media answers.", List.of(new FieldError("sha256",
                    "must be 64 lower-case hex digits")));
        }
        StoredMedia media = store.find(sha).orElseThrow(() -> new ApiException.NotFound("This server stores no image "
                + sha + "; upload it with POST /v1/media (the answer's url is where it is served)."));
        String etag = "\"" + sha + "\"";
        ctx.header("Cache-Control", WidgetController.IMMUTABLE)
                .header("ETag", etag)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", IMAGE_CSP)
                .header("Content-Disposition", "inline; filename=\"" + sha + "." + media.type().extension() + "\"");
        if (WidgetController.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(media.mediaType()).header("Content-Length", String.valueOf(media.size()));
        if (ctx.method() != HandlerType.HEAD) {
            ctx.result(Files.newInputStream(media.path()));
        }
    }

    private ApiException tooLarge() {
        return new ApiException.TooLarge("media-too-large", "The image is larger than this server accepts ("
                + store.maxBytes() + " bytes, setting media.maxBytes); send a smaller or more compressed image.",
                List.of(new FieldError("body", "must be at most " + store.maxBytes() + " bytes")));
    }
}
