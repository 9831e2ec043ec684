package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.admin.ItemTable;
import dev.swipeloop.host.ranking.ItemCounts;
import dev.swipeloop.host.ranking.RankingService;
import dev.swipeloop.host.scoring.Wilson;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/admin/items}: the app's items with their vote counts, like rate and Wilson
 * interval (at the app's {@code ranking.z}) from the score board, every vote committed before the
 * request counted; filtered by model, text and votes, sorted and paged. How it scales: see
 * {@link ItemTable}.
 */
final class AdminItemsController {
    static final int PAGE = 1_000;
    static final int MAX_LIMIT = 200;

    private final KeyAuth auth;
    private final StorageBackend storage;
    private final RankingService rankings;

    AdminItemsController(KeyAuth auth, StorageBackend storage, RankingService rankings) {
        this.auth = auth;
        this.storage = storage;
        this.rankings = rankings;
    }

    void items(Context ctx) {
        String appId = auth.secret(ctx).app().id();
        ItemTable.Query query = query(ctx);
        List<Item> items = allItems(appId);
        ItemCounts counts = rankings.itemCounts(appId);
        List<ItemTable.Row> rows = new ArrayList<>(items.size());
        for (Item item : items) {
            ItemCounts.Counts own = counts.of(item.id());
            rows.add(new ItemTable.Row(item, own, Wilson.interval(own.likes(), own.likes() + own.dislikes(),
                    counts.z())));
        }
        ItemTable.Page page = ItemTable.query(rows, query);

        JsonArray out = new JsonArray();
        for (ItemTable.Row row : page.rows()) {
            out.add(describe(row));
        }
        JsonArray models = new JsonArray();
        page.models().forEach(models::add);
        JsonObject body = new JsonObject();
        body.addProperty("total", page.total());
        body.add("models", models);
        body.add("items", out);
        body.addProperty("asOfSeq", counts.asOfSeq());
        JsonOut.write(ctx, 200, body);
    }

    private static ItemTable.Query query(Context ctx) {
        QueryCheck check = new QueryCheck(ctx);
        String sortName = check.oneOf("sort", ItemTable.Sort.WILSON.wireName(),
                Arrays.stream(ItemTable.Sort.values()).map(ItemTable.Sort::wireName).toList());
        ItemTable.Sort sort = Arrays.stream(ItemTable.Sort.values()).filter(s -> s.wireName().equals(sortName))
                .findFirst().orElseThrow();
        String order = check.oneOf("order", sort.descendingByDefault() ? "desc" : "asc", List.of("desc", "asc"));
        String model = check.string("model", false, ItemParser.MAX_NAME_LENGTH);
        String text = check.string("q", false, 200);
        long minVotes = check.number("minVotes", 0, 0, Integer.MAX_VALUE);
        long limit = check.number("limit", 50, 1, MAX_LIMIT);
        long offset = check.number("offset", 0, 0, Integer.MAX_VALUE);
        check.throwIfAny();
        return new ItemTable.Query(sort, order.equals("desc"), model, text, minVotes, (int) limit, (int) offset);
    }

    private List<Item> allItems(String appId) {
        List<Item> items = new ArrayList<>();
        try {
            String after = "";
            while (true) {
                List<Item> page = storage.itemsAfter(appId, after, PAGE);
                items.addAll(page);
                if (page.size() < PAGE) {
                    return items;
                }
                after = page.get(page.size() - 1).id();
            }
        } catch (UnsupportedOperationException e) {
            throw new ApiException.Conflict("items-not-listed", e.getMessage() + "; the dashboard cannot list items on"
                    + " this storage.");
        }
    }

    private static JsonObject describe(ItemTable.Row row) {
        Item item = row.item();
        ItemCounts.Counts counts = row.counts();
        JsonObject json = new JsonObject();
        json.addProperty("id", item.id());
        json.addProperty("imageUrl", item.imageUrl());
        json.addProperty("prompt", item.provenance() == null ? null : item.provenance().prompt());
        json.addProperty("model", row.model());
        json.addProperty("group", item.group());
        json.addProperty("gold", item.gold() == null ? null : item.gold().name().toLowerCase(Locale.ROOT));
        json.addProperty("likes", counts.likes());
        json.addProperty("dislikes", counts.dislikes());
        json.addProperty("skips", counts.skips());
        json.addProperty("wins", counts.wins());
        json.addProperty("losses", counts.losses());
        json.addProperty("ties", counts.ties());
        json.addProperty("votes", row.votes());
        json.addProperty("likeRate", row.likeRate());
        json.addProperty("wilsonLower", row.wilson().lower());
        json.addProperty("wilsonUpper", row.wilson().upper());
        json.addProperty("updatedAt", item.updatedAt() == null ? null : item.updatedAt().toString());
        return json;
    }
}
