package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemParserTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private final ItemParser parser = new ItemParser(2);

    private List<Item> parse(String json) {
        return parser.parse(JsonBody.parseObject(json.getBytes(StandardCharsets.UTF_8)), "app1", NOW);
    }

    @Test
    void provenanceIsKeptWithParamsAsJsonText() {
        Item item = parse("""
                {"items":[{"id":"img-1","imageUrl":"https://cdn.example/1.png","prompt":"a cat","negativePrompt":"blurry",
                  "model":"sdxl","modelVersion":"1.0","seed":4294967296,"params":{"steps":30,"cfg":7.5},
                  "group":"p1","gold":"dislike"}]}""").get(0);
        assertEquals("app1", item.appId());
        assertEquals("img-1", item.id());
        assertEquals("a cat", item.provenance().prompt());
        assertEquals("blurry", item.provenance().negativePrompt());
        assertEquals(4294967296L, item.provenance().seed());
        assertEquals(JsonParser.parseString("{\"steps\":30,\"cfg\":7.5}"), JsonParser.parseString(item.provenance().paramsJson()));
        assertEquals("p1", item.group());
        assertEquals(Verdict.DISLIKE, item.gold());
        assertEquals(NOW, item.updatedAt());
        assertEquals("/media/ab/cd.png", parse("{\"items\":[{\"id\":\"x\",\"imageUrl\":\"/media/ab/cd.png\"}]}").get(0).imageUrl());
    }

    @Test
    void everyBadFieldIsNamed() {
        ApiException e = assertThrows(ApiException.class, () -> parse("""
                {"items":[{"imageUrl":"javascript:alert(1)","seed":"12","params":[1],"gold":"skip"},
                          {"id":"b","imageUrl":"/etc/passwd","prompt":3}]}"""));
        assertEquals(400, e.status());
        assertEquals(List.of("items[0].id", "items[0].imageUrl", "items[0].seed", "items[0].params", "items[0].gold",
                "items[1].imageUrl", "items[1].prompt"), e.errors().stream().map(FieldError::field).toList());
        assertEquals("must be one of like, dislike", e.errors().get(4).message());
    }

    @Test
    void repeatedIdsAndOversizedBatchesAreRefused() {
        ApiException repeated = assertThrows(ApiException.class, () -> parse("""
                {"items":[{"id":"a","imageUrl":"https://x.example/a"},{"id":"a","imageUrl":"https://x.example/b"}]}"""));
        assertEquals("items[1].id", repeated.errors().get(0).field());
        ApiException tooMany = assertThrows(ApiException.class, () -> parse("""
                {"items":[{"id":"a","imageUrl":"https://x/a"},{"id":"b","imageUrl":"https://x/b"},{"id":"c","imageUrl":"https://x/c"}]}"""));
        assertEquals(413, tooMany.status());
    }

    @Test
    void imageUrlsAreWebUrlsOrServerMediaPaths() {
        assertTrue(ItemParser.isImageUrl("http://cdn.example/a.png"));
        assertTrue(ItemParser.isImageUrl("/demo/1.svg"));
        assertFalse(ItemParser.isImageUrl("/media/../secret"));
        assertFalse(ItemParser.isImageUrl("data:image/png;base64,AAAA"));
        assertFalse(ItemParser.isImageUrl("https:///nohost"));
        assertFalse(ItemParser.isImageUrl("relative/a.png"));
    }
}
