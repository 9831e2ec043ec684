package dev.swipeloop.host.http;

import com.google.gson.JsonObject;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Vote;

/**
 * A stored vote as {@code GET /v1/votes} lists it: the fields it was sent with plus seq,
 * receivedAt and verified (a rater token vouched for its rater).
 */
final class VoteJson {
    private VoteJson() {
    }

    static JsonObject of(Vote vote) {
        JsonObject json = new JsonObject();
        json.addProperty("seq", vote.seq());
        json.addProperty("id", vote.id().toString());
        json.addProperty("rater", vote.rater());
        if (vote.session() != null) {
            json.addProperty("session", vote.session());
        }
        json.addProperty("kind", vote.judgement().kind().wire());
        if (vote.judgement() instanceof Judgement.Binary binary) {
            json.addProperty("item", binary.item());
            json.addProperty("verdict", binary.verdict().wire());
        } else if (vote.judgement() instanceof Judgement.Pair pair) {
            json.addProperty("left", pair.left());
            json.addProperty("right", pair.right());
            json.addProperty("choice", pair.choice().wire());
        }
        if (vote.dwellMs() != null) {
            json.addProperty("dwellMs", vote.dwellMs());
        }
        if (vote.clientTs() != null) {
            json.addProperty("clientTs", vote.clientTs().toString());
        }
        json.addProperty("receivedAt", vote.receivedAt() == null ? null : vote.receivedAt().toString());
        json.addProperty("verified", vote.verified());
        return json;
    }
}
