package dev.swipeloop.host.export;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which named cursors an export of this host is using right now. Two exports on one cursor would
 * both read from the same place and deliver the same votes twice, and the one finishing last
 * could move the cursor back; so a cursor in use is refused (409) until its export ends.
 */
final class CursorLeases {
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /** Takes the cursor, or returns null when another export holds it. */
    Lease acquire(String appId, String storedName) {
        String key = appId + '\u0000' + storedName;
        return held.add(key) ? new Lease(key) : null;
    }

    /** One export's hold on a cursor; releasing twice is harmless. */
    final class Lease {
        private final String key;

        private Lease(String key) {
            this.key = key;
        }

        void release() {
            held.remove(key);
        }
    }
}
