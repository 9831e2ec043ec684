package dev.swipeloop.host.http;

import com.google.gson.JsonObject;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;

/** {@code POST /v1/items} (secret key): the app's backend adds or replaces images with their provenance. */
final class ItemsController {
    private final KeyAuth auth;
    private final ItemParser parser;
    private final StorageBackend storage;
    private final Clock clock;

    ItemsController(KeyAuth auth, ItemParser parser, StorageBackend storage, Clock clock) {
        this.auth = auth;
        this.parser = parser;
        this.storage = storage;
        this.clock = clock;
    }

    void upsert(Context ctx) {
        KeyAuth.Caller caller = auth.secret(ctx);
        List<Item> items = parser.parse(JsonBody.parseObject(ctx.bodyAsBytes()), caller.app().id(), clock.instant());
        int upserted = storage.upsertItems(items);
        JsonObject body = new JsonObject();
        body.addProperty("upserted", upserted);
        JsonOut.write(ctx, 200, body);
    }
}
