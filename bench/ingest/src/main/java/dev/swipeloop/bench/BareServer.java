package dev.swipeloop.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.javalin.json.JavalinGson;
import java.util.Map;

/**
 * The ceiling for single-vote POSTs: Javalin + Gson, the same JSON parsed into a tree and every
 * field read, nothing stored, answered like the host (202 with counts). Usage: BareServer PORT
 */
public final class BareServer {
    private BareServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin.create(config -> {
            config.jsonMapper(new JavalinGson());
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.post("/v1/votes", ctx -> {
                JsonObject body = JsonParser.parseString(ctx.body()).getAsJsonObject();
                int accepted = 0;
                for (JsonElement element : body.getAsJsonArray("votes")) {
                    JsonObject vote = element.getAsJsonObject();
                    String id = vote.get("id").getAsString();
                    String rater = vote.get("rater").getAsString();
                    String item = vote.get("item").getAsString();
                    String verdict = vote.get("verdict").getAsString();
                    if (!id.isEmpty() && !rater.isEmpty() && !item.isEmpty() && !verdict.isEmpty()) {
                        accepted++;
                    }
                }
                ctx.status(202).json(Map.of("accepted", accepted, "duplicates", 0));
            });
        }).start("127.0.0.1", port);
    }
}
