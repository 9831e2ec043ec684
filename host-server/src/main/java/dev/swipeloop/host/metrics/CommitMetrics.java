package dev.swipeloop.host.metrics;

import dev.swipeloop.host.ingest.CommitObserver;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.function.IntSupplier;

/**
 * What the group-commit writer does: votes per commit (how well requests share a transaction),
 * how long each commit takes (the disk's fsync shows here first), votes waiting, requests refused
 * as busy, failed commits, and the votes stored and found to be duplicates.
 */
final class CommitMetrics implements CommitObserver {
    /** Up to the largest commit {@code ingest.maxCommitVotes} allows by default (5,000). */
    private static final double[] VOTES = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000};
    /** A commit is one fsync: ~0.3 ms on a local SSD, tens of ms on network disks. */
    private static final double[] SECONDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final PrometheusRegistry registry;
    private final Histogram batchVotes;
    private final Histogram duration;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter failures;
    private final Counter refused;

    CommitMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        this.batchVotes = Histogram.builder()
                .name("swipeloop_commit_votes")
                .help("Votes written by each commit (one transaction, one fsync); _sum is every vote committed")
                .classicOnly()
                .classicUpperBounds(VOTES)
                .withoutExemplars()
                .register(registry);
        this.duration = Histogram.builder()
                .name("swipeloop_commit_duration_seconds")
                .help("Time each commit of the group-commit writer took, fsync included")
                .unit(Unit.SECONDS)
                .classicOnly()
                .classicUpperBounds(SECONDS)
                .withoutExemplars()
                .register(registry);
        this.accepted = Counter.builder()
                .name("swipeloop_votes_accepted_total")
                .help("Votes stored (new vote ids)")
                .withoutExemplars()
                .register(registry);
        this.duplicates = Counter.builder()
                .name("swipeloop_votes_duplicates_total")
                .help("Votes whose id was already stored (client retries), answered as duplicates and not stored again")
                .withoutExemplars()
                .register(registry);
        this.failures = Counter.builder()
                .name("swipeloop_commit_failures_total")
                .help("Commits the storage refused or failed; their requests were retried alone or answered with 503")
                .withoutExemplars()
                .register(registry);
        this.refused = Counter.builder()
                .name("swipeloop_commit_refused_requests_total")
                .help("Vote requests refused with 503 because too many votes were already waiting to be written")
                .withoutExemplars()
                .register(registry);
    }

    /** Reports {@code queuedVotes} (the writer's queue) as a gauge at every scrape. */
    void watchQueue(IntSupplier queuedVotes) {
        GaugeWithCallback.builder()
                .name("swipeloop_commit_queue_votes")
                .help("Votes waiting for the next commit (back-pressure refuses requests beyond a limit)")
                .callback(callback -> callback.call(queuedVotes.getAsInt()))
                .register(registry);
    }

    @Override
    public void committed(int votes, int acceptedVotes, long nanos) {
        batchVotes.observe(votes);
        duration.observe(nanos / 1e9);
        accepted.inc(acceptedVotes);
        duplicates.inc(votes - acceptedVotes);
    }

    @Override
    public void failed(int votes) {
        failures.inc();
    }

    @Override
    public void refusedBusy(int votes) {
        refused.inc();
    }
}
