package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Turns the body of {@code POST /v1/votes} into votes, or throws naming every bad field of
 * every vote. A batch is all-or-nothing: one bad vote and no vote is returned.
 */
final class VoteParser {
    static final int MAX_ID_LENGTH = 128;
    private static final List<String> KINDS = List.of("binary", "pair");
    private static final List<String> VERDICTS = List.of("like", "dislike", "skip");
    private static final List<String> CHOICES = List.of("left", "right", "tie", "skip");

    /** The votes of one request, and the verified-rater token it carried, if any. */
    record Batch(List<Vote> votes, String raterToken) {
    }

    private final int maxVotesPerBatch;

    VoteParser(int maxVotesPerBatch) {
        this.maxVotesPerBatch = maxVotesPerBatch;
    }

    /**
     * @param itemExists tells whether the app has an item with this id; called once per
     *                   syntactically valid reference, so callers should memoize it per batch
     */
    Batch parse(JsonObject body, String appId, Instant receivedAt, Predicate<String> itemExists) {
        FieldCheck check = new FieldCheck();
        JsonElement list = body.get("votes");
        if (list == null || list.isJsonNull()) {
            check.fail("votes", "is required: an array of votes");
        } else if (!list.isJsonArray()) {
            check.fail("votes", "must be an array of votes, not " + JsonBody.describe(list));
        } else if (list.getAsJsonArray().isEmpty()) {
            check.fail("votes", "must contain at least one vote");
        } else if (list.getAsJsonArray().size() > maxVotesPerBatch) {
            throw new ApiException.TooLarge("too-many-votes",
                    "A batch holds at most " + maxVotesPerBatch + " votes; split it into several requests.",
                    List.of(new FieldError("votes", "has " + list.getAsJsonArray().size() + " votes; at most "
                            + maxVotesPerBatch + " are allowed")));
        }
        String raterToken = check.string(body, "", "raterToken", false, 4096);
        check.throwIfAny("The vote batch is not usable; nothing was stored.");

        JsonArray array = list.getAsJsonArray();
        List<Vote> votes = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Vote vote = parseOne(array.get(i), "votes[" + i + "]", appId, receivedAt, itemExists, check);
            votes.add(vote);
        }
        check.throwIfAny(check.errors().size() == 1
                ? "One field of the batch is invalid; fix it and resend the whole batch (nothing was stored)."
                : check.errors().size() + " fields of the batch are invalid; fix them and resend the whole batch"
                        + " (nothing was stored).");
        return new Batch(votes, raterToken);
    }

    private static Vote parseOne(JsonElement element, String at, String appId, Instant receivedAt,
                                 Predicate<String> itemExists, FieldCheck check) {
        if (element == null || !element.isJsonObject()) {
            check.fail(at, "must be a vote object, not " + JsonBody.describe(element));
            return null;
        }
        JsonObject v = element.getAsJsonObject();
        UUID id = check.uuid(v, at, "id");
        String rater = check.string(v, at, "rater", true, MAX_ID_LENGTH);
        String session = check.string(v, at, "session", false, MAX_ID_LENGTH);
        String kind = check.oneOf(v, at, "kind", true, KINDS);
        Judgement judgement = null;
        if ("binary".equals(kind)) {
            String item = itemRef(v, at, "item", itemExists, check);
            String verdict = check.oneOf(v, at, "verdict", true, VERDICTS);
            if (item != null && verdict != null) {
                judgement = new Judgement.Binary(item, Verdict.fromWire(verdict));
            }
        } else if ("pair".equals(kind)) {
            String left = itemRef(v, at, "left", itemExists, check);
            String right = itemRef(v, at, "right", itemExists, check);
            if (left != null && left.equals(right)) {
                check.fail(FieldCheck.path(at, "right"), "must differ from left: a pair shows two different items");
                right = null;
            }
            String choice = check.oneOf(v, at, "choice", true, CHOICES);
            if (left != null && right != null && choice != null) {
                judgement = new Judgement.Pair(left, right, Choice.fromWire(choice));
            }
        }
        Long dwell = check.integer(v, at, "dwellMs", 0, Integer.MAX_VALUE,
                "must be a whole number of milliseconds, 0 or more");
        Instant clientTs = check.instant(v, at, "clientTs");
        if (id == null || rater == null || judgement == null) {
            return null;
        }
        return new Vote(id, appId, rater, session, judgement, dwell == null ? null : dwell.intValue(), clientTs, 0,
                receivedAt);
    }

    private static String itemRef(JsonObject v, String at, String name, Predicate<String> itemExists, FieldCheck check) {
        String item = check.string(v, at, name, true, MAX_ID_LENGTH);
        if (item != null && !itemExists.test(item)) {
            check.fail(FieldCheck.path(at, name), "no item '" + item + "' in this app; add it with POST /v1/items first");
            return null;
        }
        return item;
    }
}
