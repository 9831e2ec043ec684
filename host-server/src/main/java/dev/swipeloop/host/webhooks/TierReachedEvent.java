package dev.swipeloop.host.webhooks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.reward.RewardPolicy;

/**
 * The {@code rater.tier_reached} event: sent for each ledger entry whose reason starts with
 * {@link RewardPolicy#TIER_REASON_PREFIX}. Everything in the message comes from the entry, so
 * a retry, and a redelivery after a restart, carry the same id and the same body.
 */
public final class TierReachedEvent {
    /** The event type, in the body's {@code type}. */
    public static final String TYPE = "rater.tier_reached";

    // Nulls are written (voteId may be null), so every message of the type has the same fields.
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private TierReachedEvent() {
    }

    /** Whether {@code entry} announces a tier, and so is sent. */
    public static boolean announcedBy(LedgerEntry entry) {
        return entry.reason() != null && entry.reason().startsWith(RewardPolicy.TIER_REASON_PREFIX);
    }

    /**
     * The message for a tier entry. Its id is {@code msg_<app>_<ledger seq>}: unique per entry
     * and free of dots (app ids are lower-case letters and digits), which the signed content
     * {@code id.timestamp.body} needs.
     */
    public static WebhookMessage of(LedgerEntry entry) {
        if (!announcedBy(entry)) {
            throw new IllegalArgumentException("ledger entry " + entry.seq() + " announces no tier: its reason is '"
                    + entry.reason() + "'");
        }
        JsonObject data = new JsonObject();
        data.addProperty("app", entry.appId());
        data.addProperty("rater", entry.rater());
        data.addProperty("tier", entry.reason().substring(RewardPolicy.TIER_REASON_PREFIX.length()));
        data.addProperty("policy", entry.policy());
        data.addProperty("ledgerSeq", entry.seq());
        data.addProperty("voteId", entry.voteId() == null ? null : entry.voteId().toString());
        JsonObject body = new JsonObject();
        body.addProperty("type", TYPE);
        body.addProperty("timestamp", entry.at().toString());
        body.add("data", data);
        return new WebhookMessage("msg_" + entry.appId() + "_" + entry.seq(), entry.seq(), GSON.toJson(body));
    }
}
