package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class VoteParserTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Predicate<String> KNOWN = Set.of("a", "b", "c")::contains;
    private static final String ID1 = "0190f1a4-7c1e-7b3a-9d2e-1f2a3b4c5d6e";
    private static final String ID2 = "0190f1a4-7c1e-7b3a-9d2e-1f2a3b4c5d6f";
    private final VoteParser parser = new VoteParser(3);

    private static JsonObject body(String json) {
        return JsonBody.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(ApiException e) {
        List<String> fields = new ArrayList<>();
        e.errors().forEach(error -> fields.add(error.field() + ": " + error.message()));
        return fields;
    }

    @Test
    void binaryAndPairVotesAreRead() {
        VoteParser.Batch batch = parser.parse(body("""
                {"votes":[
                 {"id":"%s","rater":"r1","session":"s1","kind":"binary","item":"a","verdict":"like",
                  "dwellMs":812,"clientTs":"2026-04-30T10:00:00.123Z"},
                 {"id":"%s","rater":"r1","kind":"pair","left":"a","right":"b","choice":"tie","extra":"ignored"}],
                 "raterToken":"v1.1.x"}""".formatted(ID1, ID2)), "app1", NOW, KNOWN);
        assertEquals("v1.1.x", batch.raterToken());
        Vote binary = batch.votes().get(0);
        assertEquals(ID1, binary.id().toString());
        assertEquals("app1", binary.appId());
        assertEquals("s1", binary.session());
        assertEquals(new Judgement.Binary("a", Verdict.LIKE), binary.judgement());
        assertEquals(812, binary.dwellMs());
        assertEquals(Instant.parse("2026-04-30T10:00:00.123Z"), binary.clientTs());
        assertEquals(NOW, binary.receivedAt());
        Vote pair = batch.votes().get(1);
        assertEquals(new Judgement.Pair("a", "b", Choice.TIE), pair.judgement());
        assertEquals(null, pair.dwellMs());
        assertEquals(null, pair.session());
    }

    @Test
    void aNulCharacterStorageCannotHoldIsRefusedHereNotInTheCommit() {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(body("""
                {"votes":[{"id":"%s","rater":"r\\u00001","session":"s\\u0000","kind":"binary","item":"a","verdict":"like"}]}
                """.formatted(ID1)), "app1", NOW, KNOWN));
        assertEquals(400, e.status());
        assertEquals(List.of("votes[0].rater: must not contain the NUL character (U+0000)",
                "votes[0].session: must not contain the NUL character (U+0000)"), fields(e));
    }

    @Test
    void aClientTimeStorageCannotHoldIsRefusedHereNotInTheCommit() {
        for (String ts : List.of("+300000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "-0001-01-01T00:00:00Z")) {
            ApiException e = assertThrows(ApiException.class, () -> parser.parse(body("""
                    {"votes":[{"id":"%s","rater":"r1","kind":"binary","item":"a","verdict":"like","clientTs":"%s"}]}
                    """.formatted(ID1, ts)), "app1", NOW, KNOWN), ts);
            assertEquals(List.of("votes[0].clientTs: must be an ISO-8601 instant between years 1970 and 9999,"
                    + " like 2026-05-01T12:00:00.000Z"), fields(e));
        }
    }

    @Test
    void everyBadFieldOfEveryVoteIsNamedAndNothingIsReturned() {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(body("""
                {"votes":[
                 {"id":"%s","rater":"r1","kind":"binary","item":"a","verdict":"like"},
                 {"id":"not-a-uuid","rater":"","kind":"binary","item":"zzz","verdict":"love","dwellMs":-1},
                 {"id":"%s","rater":"r1","kind":"pair","left":"a","right":"a","choice":"up","clientTs":"yesterday"}]}
                """.formatted(ID1, ID2)), "app1", NOW, KNOWN));
        assertEquals(400, e.status());
        assertInstanceOf(ApiException.Invalid.class, e);
        assertEquals(List.of(
                "votes[1].id: must be a UUID like 0190f1a4-7c1e-7b3a-9d2e-1f2a3b4c5d6e",
                "votes[1].rater: must be 1 to 128 characters long",
                "votes[1].item: no item 'zzz' in this app; add it with POST /v1/items first",
                "votes[1].verdict: must be one of like, dislike, skip",
                "votes[1].dwellMs: must be a whole number of milliseconds, 0 or more",
                "votes[2].right: must differ from left: a pair shows two different items",
                "votes[2].choice: must be one of left, right, tie, skip",
                "votes[2].clientTs: must be an ISO-8601 instant between years 1970 and 9999, like 2026-05-01T12:00:00.000Z"), fields(e));
    }

    @Test
    void wrongTypesMissingFieldsAndUnknownKindsAreNamed() {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(body("""
                {"votes":[{"rater":5,"kind":"swipe"}, 7, {"id":"%s","rater":"r","kind":"binary","dwellMs":1.5}]}
                """.formatted(ID1)), "app1", NOW, KNOWN));
        assertEquals(List.of(
                "votes[0].id: is required; make one UUID per vote on the client (the retry key)",
                "votes[0].rater: must be a string, not a number",
                "votes[0].kind: must be one of binary, pair",
                "votes[1]: must be a vote object, not a number",
                "votes[2].item: is required",
                "votes[2].verdict: is required and must be one of like, dislike, skip",
                "votes[2].dwellMs: must be a whole number of milliseconds, 0 or more"), fields(e));
    }

    @Test
    void anEmptyBatchIs400AndAnOversizedOne413() {
        ApiException empty = assertThrows(ApiException.class, () -> parser.parse(body("{\"votes\":[]}"), "a", NOW, KNOWN));
        assertEquals(400, empty.status());
        assertEquals("votes", empty.errors().get(0).field());
        ApiException missing = assertThrows(ApiException.class, () -> parser.parse(body("{}"), "a", NOW, KNOWN));
        assertEquals(400, missing.status());

        String vote = "{\"id\":\"" + ID1 + "\",\"rater\":\"r\",\"kind\":\"binary\",\"item\":\"a\",\"verdict\":\"skip\"}";
        ApiException tooMany = assertThrows(ApiException.class, () -> parser.parse(
                body("{\"votes\":[" + String.join(",", vote, vote, vote, vote) + "]}"), "a", NOW, KNOWN));
        assertEquals(413, tooMany.status());
        assertEquals("too-many-votes", tooMany.slug());
        assertTrue(tooMany.detail().contains("at most 3"), tooMany.detail());
    }

    @Test
    void eachItemReferenceIsCheckedAgainstTheApp() {
        List<String> asked = new ArrayList<>();
        Predicate<String> recording = id -> {
            asked.add(id);
            return KNOWN.test(id);
        };
        parser.parse(body("""
                {"votes":[{"id":"%s","rater":"r","kind":"pair","left":"a","right":"c","choice":"left"}]}
                """.formatted(ID1)), "app1", NOW, recording);
        assertEquals(List.of("a", "c"), asked);
    }
}
