package dev.swipeloop.host.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.LedgerEntry;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The body and id a receiver gets for a tier entry. */
class TierReachedEventTest {
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00.123456Z");

    @Test
    void theBodyCarriesTheEntryAndTheIdIsFixedByAppAndSeq() {
        UUID vote = UUID.fromString("0195f3a2-7c1e-7000-8000-000000000001");
        LedgerEntry entry = new LedgerEntry("k3m9x2p7qa", "rater \"7\"", "tiers", 0, "tier:early access", vote, AT, 42);

        WebhookMessage message = TierReachedEvent.of(entry);

        assertEquals("msg_k3m9x2p7qa_42", message.id());
        assertEquals(42, message.ledgerSeq());
        assertEquals("{\"type\":\"rater.tier_reached\",\"timestamp\":\"2026-03-01T12:00:00.123456Z\",\"data\":{"
                + "\"app\":\"k3m9x2p7qa\",\"rater\":\"rater \\\"7\\\"\",\"tier\":\"early access\",\"policy\":\"tiers\","
                + "\"ledgerSeq\":42,\"voteId\":\"0195f3a2-7c1e-7000-8000-000000000001\"}}", message.body());
        assertEquals(message, TierReachedEvent.of(entry), "the same entry gives the same message");
    }

    @Test
    void anEntryWithoutAVoteHasANullVoteId() {
        LedgerEntry entry = new LedgerEntry("app1", "r1", "tiers", 0, "tier:gold", null, AT, 7);

        assertTrue(TierReachedEvent.of(entry).body().contains("\"voteId\":null"), TierReachedEvent.of(entry).body());
    }

    @Test
    void onlyTierEntriesAreAnnounced() {
        LedgerEntry points = new LedgerEntry("app1", "r1", "points", 1, "vote", null, AT, 8);

        assertFalse(TierReachedEvent.announcedBy(points));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TierReachedEvent.of(points));
        assertEquals("ledger entry 8 announces no tier: its reason is 'vote'", e.getMessage());
    }
}
