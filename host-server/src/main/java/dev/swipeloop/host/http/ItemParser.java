package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Verdict;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the body of {@code POST /v1/items} into items, or throws naming every bad field. */
final class ItemParser {
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_TEXT_LENGTH = 20_000;
    static final int MAX_NAME_LENGTH = 256;
    private static final List<String> GOLD = List.of("like", "dislike");

    private final int maxItemsPerBatch;

    ItemParser(int maxItemsPerBatch) {
        this.maxItemsPerBatch = maxItemsPerBatch;
    }

    List<Item> parse(JsonObject body, String appId, Instant now) {
        FieldCheck check = new FieldCheck();
        JsonElement list = body.get("items");
        if (list == null || list.isJsonNull()) {
            check.fail("items", "is required: an array of items");
        } else if (!list.isJsonArray()) {
            check.fail("items", "must be an array of items, not " + JsonBody.describe(list));
        } else if (list.getAsJsonArray().isEmpty()) {
            check.fail("items", "must contain at least one item");
        } else if (list.getAsJsonArray().size() > maxItemsPerBatch) {
            throw new ApiException.TooLarge("too-many-items",
                    "One request holds at most " + maxItemsPerBatch + " items; split it into several requests.",
                    List.of(new FieldError("items", "has " + list.getAsJsonArray().size() + " items; at most "
                            + maxItemsPerBatch + " are allowed")));
        }
        check.throwIfAny("The item batch is not usable; nothing was stored.");

        JsonArray array = list.getAsJsonArray();
        List<Item> items = new ArrayList<>(array.size());
        Map<String, Integer> firstIndexById = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "items[" + i + "]";
            Item item = parseOne(array.get(i), at, appId, now, check);
            if (item != null) {
                Integer earlier = firstIndexById.putIfAbsent(item.id(), i);
                if (earlier != null) {
                    check.fail(at + ".id", "repeats the id of items[" + earlier + "]; send each item once");
                }
            }
            items.add(item);
        }
        check.throwIfAny(check.errors().size() + " field(s) of the item batch are invalid; fix them and resend"
                + " (nothing was stored).");
        return items;
    }

    private static Item parseOne(JsonElement element, String at, String appId, Instant now, FieldCheck check) {
        if (element == null || !element.isJsonObject()) {
            check.fail(at, "must be an item object, not " + JsonBody.describe(element));
            return null;
        }
        JsonObject o = element.getAsJsonObject();
        int before = check.errors().size();
        String id = check.string(o, at, "id", true, VoteParser.MAX_ID_LENGTH);
        String imageUrl = check.string(o, at, "imageUrl", true, MAX_URL_LENGTH);
        if (imageUrl != null && !isImageUrl(imageUrl)) {
            check.fail(at + ".imageUrl", "must be an http(s) URL or a path starting with /media/ or /demo/");
        }
        String prompt = check.string(o, at, "prompt", false, MAX_TEXT_LENGTH);
        String negativePrompt = check.string(o, at, "negativePrompt", false, MAX_TEXT_LENGTH);
        String model = check.string(o, at, "model", false, MAX_NAME_LENGTH);
        String modelVersion = check.string(o, at, "modelVersion", false, MAX_NAME_LENGTH);
        Long seed = check.integer(o, at, "seed", Long.MIN_VALUE, Long.MAX_VALUE, "must be a whole number (64-bit)");
        JsonObject params = check.object(o, at, "params");
        String group = check.string(o, at, "group", false, VoteParser.MAX_ID_LENGTH);
        String gold = check.oneOf(o, at, "gold", false, GOLD);
        if (check.errors().size() > before) {
            return null;
        }
        Provenance provenance = new Provenance(prompt, negativePrompt, model, modelVersion, seed,
                params == null ? null : params.toString());
        return new Item(appId, id, imageUrl, provenance, group, gold == null ? null : Verdict.fromWire(gold), now);
    }

    static boolean isImageUrl(String url) {
        if (url.startsWith("/media/") || url.startsWith("/demo/")) {
            return !url.contains("..") && !url.contains("//") && !url.contains("\\");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
