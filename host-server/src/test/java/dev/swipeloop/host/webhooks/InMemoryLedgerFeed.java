package dev.swipeloop.host.webhooks;

import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ledger and its webhook cursors in memory, shared by the dispatchers of a test as storage
 * would be: one seq counter for all apps, every saved cursor recorded. An app can be made to
 * fail its reads, as a storage outage would.
 */
final class InMemoryLedgerFeed implements LedgerFeed {
    private final Map<String, List<LedgerEntry>> entries = new LinkedHashMap<>();
    private final Map<String, Long> cursors = new HashMap<>();
    private final Map<String, List<Long>> savedCursors = new HashMap<>();
    /** App to the host holding its webhooks lease and until when (System.nanoTime). */
    private final Map<String, Map.Entry<String, Long>> leases = new HashMap<>();
    final Set<String> failingApps = ConcurrentHashMap.newKeySet();
    private long lastSeq;

    synchronized void addApp(String appId) {
        entries.computeIfAbsent(appId, id -> new ArrayList<>());
    }

    /** Appends an entry announcing {@code tier} to the app's ledger; returns it with its seq. */
    LedgerEntry addTier(String appId, String rater, String tier) {
        return add(appId, rater, RewardPolicy.TIER_REASON_PREFIX + tier, 0, UUID.randomUUID());
    }

    /** Appends a plain points entry, which announces nothing. */
    LedgerEntry addPoints(String appId, String rater) {
        return add(appId, rater, "vote", 1, UUID.randomUUID());
    }

    synchronized LedgerEntry add(String appId, String rater, String reason, long points, UUID voteId) {
        LedgerEntry entry = new LedgerEntry(appId, rater, "tiers", points, reason, voteId,
                Instant.parse("2026-03-01T12:00:00.123456Z").plusSeconds(lastSeq), ++lastSeq);
        entries.computeIfAbsent(appId, id -> new ArrayList<>()).add(entry);
        return entry;
    }

    /** Every cursor position the app's dispatchers saved, in order. */
    /** Erases a rater: their entries leave the ledger, as {@code deleteRater} does. */
    synchronized void erase(String appId, String rater) {
        entries.getOrDefault(appId, new ArrayList<>()).removeIf(entry -> entry.rater().equals(rater));
    }

    synchronized List<Long> savedCursors(String appId) {
        return List.copyOf(savedCursors.getOrDefault(appId, List.of()));
    }

    @Override
    public synchronized List<String> apps() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public synchronized long cursor(String appId) {
        return cursors.getOrDefault(appId, 0L);
    }

    @Override
    public synchronized List<LedgerEntry> after(String appId, long afterSeq, int limit) {
        if (failingApps.contains(appId)) {
            throw new IllegalStateException("storage unreachable for " + appId);
        }
        return entries.getOrDefault(appId, List.of()).stream().filter(e -> e.seq() > afterSeq).limit(limit).toList();
    }

    @Override
    public synchronized void saveCursor(String appId, long seq) {
        cursors.put(appId, seq);
        savedCursors.computeIfAbsent(appId, id -> new ArrayList<>()).add(seq);
    }

    @Override
    public synchronized boolean claim(String appId, String hostId, Duration ttl) {
        long now = System.nanoTime();
        Map.Entry<String, Long> lease = leases.get(appId);
        if (lease != null && !lease.getKey().equals(hostId) && lease.getValue() - now > 0) {
            return false;
        }
        leases.put(appId, Map.entry(hostId, now + ttl.toNanos()));
        return true;
    }

    @Override
    public synchronized void release(String appId, String hostId) {
        Map.Entry<String, Long> lease = leases.get(appId);
        if (lease != null && lease.getKey().equals(hostId)) {
            leases.remove(appId);
        }
    }
}
