package dev.swipeloop.host.hosts;

import java.time.Instant;
import java.util.Map;

/**
 * Where leases are kept: the storage backend's ({@code StorageBackend#tryLease} and its
 * siblings, with the same meaning), or {@link LocalLeases} when the backend keeps none.
 */
interface LeaseStore {
    boolean tryLease(String appId, String name, String holder, Instant now, Instant until);

    void releaseLease(String appId, String name, String holder);

    Map<String, String> leases(String appId, String prefix, Instant now);
}
