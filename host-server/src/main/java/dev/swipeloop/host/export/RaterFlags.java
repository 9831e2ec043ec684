package dev.swipeloop.host.export;

import java.util.List;

/**
 * Where exports learn which raters quality checks flagged, and why ({@code too fast},
 * {@code gold accuracy 40%}). Exports keep flagged votes and list the flags on each row, or
 * leave them out when asked ({@code excludeFlagged}).
 */
@FunctionalInterface
public interface RaterFlags {
    /** While no quality check is installed, no rater is flagged. */
    RaterFlags NONE = (appId, rater) -> List.of();

    /** The flags standing against the rater (the app's own rater id), empty when none. */
    List<String> of(String appId, String rater);
}
