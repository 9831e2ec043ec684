package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document must describe every route the server registers. */
class OpenApiDocumentTest {
    private final JsonObject doc = JsonParser.parseString(
            new String(OpenApiController.load(), StandardCharsets.UTF_8)).getAsJsonObject();

    @Test
    void everyRouteIsDocumentedWithItsProblemResponses() {
        assertTrue(doc.get("openapi").getAsString().startsWith("3."));
        JsonObject paths = doc.getAsJsonObject("paths");
        for (HttpApi.Route route : HttpApi.ROUTES) {
            JsonObject path = paths.getAsJsonObject(route.path());
            assertNotNull(path, route.path() + " is not in openapi.json");
            JsonObject op = path.getAsJsonObject(route.method().name().toLowerCase(Locale.ROOT));
            assertNotNull(op, route + " is not in openapi.json");
            JsonObject responses = op.getAsJsonObject("responses");
            if (route.path().startsWith("/v1/")) {
                for (String status : List.of("401", "403", "429", "503")) {
                    assertEquals("#/components/responses/" + problemName(status),
                            responses.getAsJsonObject(status).get("$ref").getAsString(), route + " " + status);
                }
            }
        }
        assertEquals(HttpApi.ROUTES.size(), countOperations(paths, false), "openapi.json documents a route the server lacks");
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertTrue(refs.size() > 20);
        for (String ref : refs) {
            JsonElement target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.getAsJsonObject().get(part);
                assertNotNull(target, "unresolved " + ref);
            }
        }
        JsonObject problem = doc.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject("Problem");
        assertEquals("[\"type\",\"title\",\"status\",\"detail\",\"errors\"]", problem.get("required").toString());
    }

    private static String problemName(String status) {
        return Map.of("401", "Unauthorized", "403", "Forbidden", "429", "RateLimited", "503", "Unavailable").get(status);
    }

    private static long countOperations(JsonObject paths, boolean withOptions) {
        long n = 0;
        for (Map.Entry<String, JsonElement> path : paths.entrySet()) {
            for (String method : path.getValue().getAsJsonObject().keySet()) {
                if (withOptions || !method.equals("options")) {
                    n++;
                }
            }
        }
        return n;
    }

    private static void collectRefs(JsonElement e, List<String> refs) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("$ref")) {
                    refs.add(entry.getValue().getAsString());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            }
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(child -> collectRefs(child, refs));
        }
    }
}
