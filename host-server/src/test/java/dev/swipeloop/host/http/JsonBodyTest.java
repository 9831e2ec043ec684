package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static ApiException refused(String text) {
        return assertThrows(ApiException.class, () -> JsonBody.parseObject(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformedJsonIs400SayingWhere() {
        ApiException e = refused("{\"votes\": [1,}");
        assertEquals(400, e.status());
        assertEquals("malformed-json", e.slug());
        assertTrue(e.detail().contains("line 1, column"), e.detail());
    }

    @Test
    void lenientJsonAndTrailingDataAreRefused() {
        for (String text : new String[] {"{votes: []}", "{'votes': []}", "{} {}", "{\"a\":NaN}", "", "  ", "[]", "5",
                "null"}) {
            assertEquals(400, refused(text).status(), text);
        }
        assertTrue(refused("[]").detail().contains("not an array"));
    }

    @Test
    void unicodeSurvives() {
        assertEquals("ü😀", JsonBody.parseObject("{\"p\":\"ü😀\"}".getBytes(StandardCharsets.UTF_8)).get("p").getAsString());
    }
}
