package dev.swipeloop.host.webhooks;

/**
 * One message to deliver: its {@code webhook-id} (the same on every attempt, after a restart
 * too, so a receiver can drop repeats), the ledger entry it announces, and the exact body that
 * is signed and sent.
 */
public record WebhookMessage(String id, long ledgerSeq, String body) {
}
