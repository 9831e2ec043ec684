package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void problemsHaveTheRfc9457ShapeOfApiMd() {
        ApiException e = new ApiException.Invalid("One field is invalid.",
                List.of(new FieldError("votes[3].verdict", "must be one of like, dislike, skip")));
        JsonObject json = JsonParser.parseString(JsonOut.GSON.toJson(Problem.of(e).toJson())).getAsJsonObject();
        assertEquals(JsonParser.parseString("""
                {"type":"https://swipeloop.dev/problems/invalid-request","title":"The request has invalid fields",
                 "status":400,"detail":"One field is invalid.",
                 "errors":[{"field":"votes[3].verdict","message":"must be one of like, dislike, skip"}]}"""), json);
    }

    @Test
    void limitsCarryRetryAfter() {
        ApiException limited = new ApiException.RateLimited("slow down", 3);
        assertEquals(429, limited.status());
        assertEquals(3L, limited.retryAfterSeconds());
        assertEquals(503, new ApiException.Unavailable("storage-unavailable", "busy", 1).status());
        assertEquals(List.of(), Problem.of(limited).errors());
    }
}
