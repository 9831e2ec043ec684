package dev.swipeloop.host.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the hand-written OpenAPI 3 description of this API (resources/openapi.json). */
final class OpenApiController {
    static final String RESOURCE = "/openapi.json";
    private final byte[] document;

    OpenApiController() {
        this.document = load();
    }

    static byte[] load() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the host's class path; rebuild host-server");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void document(Context ctx) {
        ctx.contentType("application/json").header("Access-Control-Allow-Origin", "*").result(document);
    }
}
