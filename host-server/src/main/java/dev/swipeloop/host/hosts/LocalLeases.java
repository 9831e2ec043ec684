package dev.swipeloop.host.hosts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Leases kept in this process, for a storage backend that keeps none: such a backend serves
 * one host, so the host agreeing with itself is all that is needed.
 */
final class LocalLeases implements LeaseStore {
    private record Lease(String holder, Instant until) {
    }

    private final Map<String, Lease> leases = new HashMap<>();

    @Override
    public synchronized boolean tryLease(String appId, String name, String holder, Instant now, Instant until) {
        String key = key(appId, name);
        Lease current = leases.get(key);
        if (current != null && !current.holder().equals(holder) && current.until().isAfter(now)) {
            return false;
        }
        leases.put(key, new Lease(holder, until));
        return true;
    }

    @Override
    public synchronized void releaseLease(String appId, String name, String holder) {
        leases.computeIfPresent(key(appId, name), (key, lease) -> lease.holder().equals(holder) ? null : lease);
    }

    @Override
    public synchronized Map<String, String> leases(String appId, String prefix, Instant now) {
        Map<String, String> live = new TreeMap<>();
        String start = key(appId, prefix);
        leases.forEach((key, lease) -> {
            if (key.startsWith(start) && lease.until().isAfter(now)) {
                live.put(key.substring(appId.length() + 1), lease.holder());
            }
        });
        return live;
    }

    private static String key(String appId, String name) {
        return appId + '\u0000' + name;
    }
}
