package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.deck.DeckService;
import dev.swipeloop.host.deck.PairDealer;
import dev.swipeloop.sdk.model.Item;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET /v1/deck} (publishable key): the next cards for one rater, never one they judged,
 * dealt by {@link DeckService} (least-known first, overlapping pairs, gold cards mixed in).
 */
final class DeckController {
    static final int DEFAULT_LIMIT = 10;

    private final KeyAuth auth;
    private final DeckService decks;
    private final int maxLimit;
    private final String publicUrl;
    private final Clock clock;

    DeckController(KeyAuth auth, DeckService decks, int maxLimit, String publicUrl, Clock clock) {
        this.auth = auth;
        this.decks = decks;
        this.maxLimit = maxLimit;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    void deck(Context ctx) {
        KeyAuth.Caller caller = auth.browser(ctx, false);
        QueryCheck query = new QueryCheck(ctx);
        String rater = query.string("rater", true, VoteParser.MAX_ID_LENGTH);
        int limit = (int) query.number("limit", Math.min(DEFAULT_LIMIT, maxLimit), 1, maxLimit);
        String mode = query.oneOf("mode", "binary", List.of("binary", "pair"));
        query.throwIfAny();
        RaterCheck.verify(caller.app(), ctx.header("X-Rater-Token"), Set.of(rater), clock.instant());

        String appId = caller.app().id();
        String baseUrl = BaseUrl.of(ctx, publicUrl);
        JsonArray cards = new JsonArray();
        if (mode.equals("binary")) {
            for (Item item : decks.binary(appId, rater, limit, ThreadLocalRandom.current())) {
                JsonObject card = new JsonObject();
                card.addProperty("kind", "binary");
                card.add("item", ItemJson.card(item, baseUrl));
                cards.add(card);
            }
        } else {
            for (PairDealer.Pair pair : decks.pairs(appId, rater, limit, ThreadLocalRandom.current())) {
                JsonObject card = new JsonObject();
                card.addProperty("kind", "pair");
                card.add("left", ItemJson.card(pair.left(), baseUrl));
                card.add("right", ItemJson.card(pair.right(), baseUrl));
                cards.add(card);
            }
        }
        JsonObject body = new JsonObject();
        body.add("cards", cards);
        ctx.header("Cache-Control", "no-store");
        JsonOut.write(ctx, 200, body);
    }
}
