package dev.swipeloop.host.webhooks;

import java.time.Instant;

/**
 * Where one message stands, for the dashboard: its attempts so far, the last answer's status
 * code (null when none came) or the last error, and when it is tried next while retrying.
 */
public record WebhookDelivery(String id, long ledgerSeq, State state, int attempts, Integer lastStatus,
                              String lastError, Instant lastAttemptAt, Instant nextAttemptAt) {

    /** Where a message is. */
    public enum State {
        /** Failed so far, tried again at {@code nextAttemptAt}. */
        RETRYING,
        /** A 2xx answer came. */
        DELIVERED,
        /** Failed {@code maxAttempts} times, or the app removed its URL meanwhile; not sent again. */
        GAVE_UP
    }
}
