package dev.swipeloop.host.webhooks;

import java.util.List;

/**
 * One app's webhooks, for the dashboard.
 *
 * @param endpointSet   whether the app set a URL (without one, nothing is sent or kept)
 * @param cursor        the seq of the last ledger entry settled (delivered, given up or skipped)
 * @param pending       tier messages after the cursor, the one being retried included; counted
 *                      among the next {@value WebhookDispatcher#PENDING_SCAN_LIMIT} ledger entries
 * @param pendingCapped true when more entries lie beyond those counted, so {@code pending} is a floor
 * @param recent        the latest messages, newest first, at most
 *                      {@value WebhookDispatcher#RECENT_DELIVERIES}; kept in memory, empty after a restart
 */
public record WebhookStatus(String appId, boolean endpointSet, long cursor, long pending, boolean pendingCapped,
                            List<WebhookDelivery> recent) {
}
