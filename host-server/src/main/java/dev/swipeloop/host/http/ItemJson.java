package dev.swipeloop.host.http;

import com.google.gson.JsonObject;
import dev.swipeloop.sdk.model.Item;

/** How an item appears on a deck card. */
final class ItemJson {
    private ItemJson() {
    }

    /** {@code {id, imageUrl, prompt}}; a server path ({@code /media/…}) is made absolute with {@code baseUrl}. */
    static JsonObject card(Item item, String baseUrl) {
        JsonObject json = new JsonObject();
        json.addProperty("id", item.id());
        String url = item.imageUrl();
        json.addProperty("imageUrl", url.startsWith("/") && baseUrl != null ? baseUrl + url : url);
        if (item.provenance() != null && item.provenance().prompt() != null) {
            json.addProperty("prompt", item.provenance().prompt());
        }
        if (item.group() != null) {
            json.addProperty("group", item.group());
        }
        return json;
    }
}
