package dev.swipeloop.plugins.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonObjectTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", " {\"a\":1} ", "{\"sampler\":\"dpmpp_2m\",\"steps\":30,\"cfg\":7.5}",
        "{\"n\":[-0,0.5,1e9,2E-3,-1.25e+2,null,true,false,\"\\u00e9\\n\\\"\\/\"],\"o\":{\"p\":{}}}",
        "{\n  \"multi\": \"line\"\r\n}", "{\"unicode\":\"日本 \u2028\"}"})
    void acceptsJsonObjects(String text) {
        assertTrue(JsonObjectText.isObject(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "null", "[1]", "\"s\"", "1", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}",
        "{\"a\":1}x", "{\"a\":1}{}", "{a:1}", "{'a':1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}",
        "{\"a\":+1}", "{\"a\":\"raw\nnewline\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"open}",
        "{\"a\":tru}", "{\"a\":[1,]}", "{\"a\":NaN}"})
    void rejectsEverythingElse(String text) {
        assertFalse(JsonObjectText.isObject(text), text);
    }

    @Test
    void deepNestingIsRejectedRatherThanOverflowingTheStack() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertFalse(JsonObjectText.isObject(deep));
        assertTrue(JsonObjectText.isObject("{\"a\":" + "[".repeat(60) + "]".repeat(60) + "}"));
    }

    @Test
    void lineBreaksBecomeSpaces() {
        assertEquals("{  \"a\": 1 }", JsonObjectText.oneLine("{\r\n\"a\": 1\n}"));
        String compact = "{\"a\":1}";
        assertEquals(compact, JsonObjectText.oneLine(compact));
    }
}
