package dev.swipeloop.sdk.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One append-only reward record. Points may be negative (a clawback). {@code voteId} is the
 * vote that earned it, or null for entries not tied to one vote (a streak bonus).
 * {@code seq} is assigned by storage, like a vote's.
 */
public record LedgerEntry(String appId, String rater, String policy, long points, String reason,
                          UUID voteId, Instant at, long seq) {
}
