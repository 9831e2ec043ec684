package dev.swipeloop.host.ingest;

/**
 * Told what the {@link GroupCommitWriter} does, for metrics. {@link #committed} and
 * {@link #failed} run on the writer thread between two commits and {@link #refusedBusy} on the
 * request's thread, so implementations must be quick and must not throw.
 */
public interface CommitObserver {
    /** Observes nothing: the writer's cost when metrics are off. */
    CommitObserver NONE = new CommitObserver() {
    };

    /**
     * One storage call returned: {@code votes} votes in one transaction, of which {@code accepted}
     * were new (the rest duplicates of stored ids), taking {@code nanos}.
     */
    default void committed(int votes, int accepted, long nanos) {
    }

    /** One storage call failed for {@code votes} votes (they are retried alone or answered with the error). */
    default void failed(int votes) {
    }

    /** A request of {@code votes} votes was refused because too many were already waiting. */
    default void refusedBusy(int votes) {
    }
}
