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
 *
 * <p>The lease is held by this process ({@link Leases#holder}), not by the bare id: a second
 * process started with the same {@code host.id} cannot take it, and both say so loudly, since
 * they would count as one host and allow twice their share.
 *
 * <p>With its host lease each host also holds {@code pseudonym-key:<fingerprint>} for the key
 * its exports pseudonymise raters with. More than one such lease alive means the hosts export
 * with different keys, so the same rater gets different pseudonyms depending on which host
 * wrote the file: a misconfiguration (they must share {@code export.pseudonymKey}) said loudly.
 */
public final class LiveHosts implements AutoCloseable {
    static final String PREFIX = "host:";
    static final String KEY_PREFIX = "pseudonym-key:";
    static final Duration RENEW = Duration.ofSeconds(5);
    static final Duration TTL = RENEW.multipliedBy(3);
    private static final Logger LOG = LoggerFactory.getLogger(LiveHosts.class);

    private final Leases leases;
    private final String name;
    private final String keyName;
    private final ScheduledFuture<?> renewal;
    private volatile List<String> ids;
    private volatile boolean idInUse;
    private volatile boolean keysAgree = true;

    /**
     * Takes this host's lease and counts the hosts at once, then again every {@link #RENEW}.
     *
     * @param pseudonymKeyFingerprint {@code PseudonymKey.fingerprint} of this host's export key
     */
    public LiveHosts(Leases leases, String pseudonymKeyFingerprint) {
        this.leases = leases;
        this.name = PREFIX + leases.hostId();
        this.keyName = KEY_PREFIX + pseudonymKeyFingerprint;
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

    /** Whether another process holds this host's id ({@code host.id} set alike on two hosts), as of the last renewal. */
    public boolean idInUse() {
        return idInUse;
    }

    /** False when live hosts export with different pseudonym keys, as of the last renewal. */
    public boolean pseudonymKeysAgree() {
        return keysAgree;
    }

    /** A failure keeps the last count: better a stale share than none. */
    void renew() {
        try {
            boolean ours = leases.tryTake("", name, leases.holder(), TTL);
            if (ours == idInUse) {
                idInUse = !ours;
                if (ours) {
                    LOG.info("host.id '{}' is this host's alone again", leases.hostId());
                } else {
                    LOG.warn("ANOTHER PROCESS RUNS WITH host.id '{}' ON THIS DATABASE (held by {}, this process is {}):"
                                    + " give every host its own host.id; until then both count as one host and allow"
                                    + " twice their share of the rate limits", leases.hostId(),
                            leases.live("", name).get(name), leases.holder());
                }
            }
            TreeSet<String> live = new TreeSet<>();
            leases.live("", PREFIX).keySet().forEach(key -> live.add(key.substring(PREFIX.length())));
            // This host runs even when its renewal came too late to count.
            live.add(leases.hostId());
            if (live.size() != ids.size()) {
                LOG.info("{} host(s) on this database now: {}", live.size(), String.join(", ", live));
            }
            ids = List.copyOf(live);
            checkPseudonymKeys();
        } catch (RuntimeException e) {
            LOG.warn("Counting the hosts on this database failed ({}); keeping {} host(s)", e.toString(), ids.size());
        }
    }

    /** Another host with the same key may hold the key's lease: it shows the key is in use all the same. */
    private void checkPseudonymKeys() {
        leases.tryTake("", keyName, leases.holder(), TTL);
        boolean agree = leases.live("", KEY_PREFIX).size() <= 1;
        if (agree != keysAgree) {
            keysAgree = agree;
            if (agree) {
                LOG.info("The hosts on this database export with one pseudonym key again");
            } else {
                LOG.warn("HOSTS ON THIS DATABASE EXPORT WITH DIFFERENT PSEUDONYM KEYS ({}): the same rater gets a"
                        + " different pseudonym in each host's exports; give every host the same"
                        + " export.pseudonymKey", String.join(", ", leases.live("", KEY_PREFIX).keySet()));
            }
        }
    }

    /** Gives this host's lease up, so the others count one host fewer at once. */
    @Override
    public void close() {
        renewal.cancel(false);
        try {
            leases.release("", name, leases.holder());
            leases.release("", keyName, leases.holder());
        } catch (RuntimeException e) {
            LOG.debug("Releasing the host lease failed ({}); it runs out in {}", e.toString(), TTL);
        }
    }
}
