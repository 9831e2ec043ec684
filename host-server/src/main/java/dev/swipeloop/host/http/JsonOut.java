package dev.swipeloop.host.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** Writes JSON trees as responses. Nulls are written as {@code null} (e.g. {@code "next": null}). */
final class JsonOut {
    static final String JSON_UTF8 = "application/json; charset=utf-8";
    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private JsonOut() {
    }

    static void write(Context ctx, int status, JsonElement body) {
        ctx.status(status).contentType(JSON_UTF8).result(GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }
}
