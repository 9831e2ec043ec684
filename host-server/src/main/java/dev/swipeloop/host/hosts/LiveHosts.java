package dev.swipeloop.host.hosts;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts running on this database: each renews a host-wide lease {@code host:<id>} every
 * {@link #RENEW} and counts the live ones. Rate limits are shared out by this count
 * ({@link #share}), on the assumption that the load balancer spreads requests evenly. A host
 * that stops releases its lease; one that dies drops out of the count after {@link #TTL}.
 */
public final class LiveHosts implements AutoCloseable {
    static final String PREFIX = "host:";
    static final Duration RENEW = Duration.ofSeconds(5);
    static final Duration TTL = RENEW.multipliedBy(3);
    private static final Logger LOG = LoggerFactory.getLogger(LiveHosts.class);

    private final Leases leases;
    private final String name;
    private final ScheduledFuture<?> renewal;
    private volatile List<String> ids;

    /** Takes this host's lease and counts the hosts at once, then again every {@link #RENEW}. */
    public LiveHosts(Leases leases) {
        this.leases = leases;
        this.name = PREFIX + leases.hostId();
        this.ids = List.of(leases.hostId());
        renew();
        this.renewal = leases.every(RENEW, RENEW, this::renew);
    }

    public String hostId() {
        return leases.hostId();
    }

    /** The ids of the live hosts, this one always among them. */
    public List<String> ids() {
        return ids;
    }

    /** How many hosts share the limits: the live ones, at least 1. */
    public int share() {
        return Math.max(1, ids.size());
    }

    /** A failure keeps the last count: better a stale share than none. */
    void renew() {
        try {
            leases.tryTake("", name, leases.hostId(), TTL);
            TreeSet<String> live = new TreeSet<>();
            leases.live("", PREFIX).keySet().forEach(key -> live.add(key.substring(PREFIX.length())));
            // This host runs even when its renewal came too late to count.
            live.add(leases.hostId());
            if (live.size() != ids.size()) {
                LOG.info("{} host(s) on this database now: {}", live.size(), String.join(", ", live));
            }
            ids = List.copyOf(live);
        } catch (RuntimeException e) {
            LOG.warn("Counting the hosts on this database failed ({}); keeping {} host(s)", e.toString(), ids.size());
        }
    }

    /** Gives this host's lease up, so the others count one host fewer at once. */
    @Override
    public void close() {
        renewal.cancel(false);
        try {
            leases.release("", name, leases.hostId());
        } catch (RuntimeException e) {
            LOG.debug("Releasing the host lease failed ({}); it runs out in {}", e.toString(), TTL);
        }
    }
}
