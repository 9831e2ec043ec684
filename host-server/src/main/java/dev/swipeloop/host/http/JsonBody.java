package dev.swipeloop.host.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request body into a JSON tree, strictly (no comments, single quotes or trailing
 * garbage), so handlers can validate field by field and name every bad one.
 */
final class JsonBody {
    private static final Pattern WHERE = Pattern.compile("at line (\\d+) column (\\d+)");

    private JsonBody() {
    }

    /** The body as a JSON object; throws {@link ApiException.MalformedJson} saying where it broke. */
    static JsonObject parseObject(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new ApiException.MalformedJson("The request body is empty; send a JSON object.");
        }
        JsonElement tree;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            tree = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("trailing data after the JSON value");
            }
        } catch (JsonParseException | IOException e) {
            throw new ApiException.MalformedJson("The request body is not valid JSON" + where(e) + "; send one JSON object.");
        }
        if (!tree.isJsonObject()) {
            throw new ApiException.MalformedJson("The request body must be a JSON object, not " + describe(tree) + ".");
        }
        return tree.getAsJsonObject();
    }

    private static String where(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = WHERE.matcher(t.getMessage());
                if (m.find()) {
                    return " (line " + m.group(1) + ", column " + m.group(2) + ")";
                }
            }
        }
        return "";
    }

    static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.getAsJsonPrimitive().isBoolean()) {
            return "a boolean";
        }
        if (e.getAsJsonPrimitive().isNumber()) {
            return "a number";
        }
        return "a string";
    }
}
