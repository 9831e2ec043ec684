package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/** An RFC 9457 problem document, as every error of the API is answered. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://swipeloop.dev/problems/";

    public static Problem of(ApiException e) {
        return new Problem(TYPE_PREFIX + e.slug(), e.title(), e.status(), e.detail(), e.errors());
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("type", type);
        json.addProperty("title", title);
        json.addProperty("status", status);
        json.addProperty("detail", detail);
        JsonArray list = new JsonArray();
        for (FieldError error : errors) {
            JsonObject item = new JsonObject();
            item.addProperty("field", error.field());
            item.addProperty("message", error.message());
            list.add(item);
        }
        json.add("errors", list);
        return json;
    }
}
