package dev.swipeloop.host.webhooks;

import java.util.Optional;

/**
 * Where each app wants its webhooks, as its settings say now. Asked before every attempt, so a
 * changed URL or secret applies to the next attempt, and an app that removes its URL stops
 * receiving (its pending messages are skipped). Must be cheap and thread-safe.
 */
@FunctionalInterface
public interface WebhookEndpoints {
    /** The app's endpoint, or empty when it set none. */
    Optional<WebhookEndpoint> of(String appId);
}
