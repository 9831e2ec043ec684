package dev.swipeloop.host.export;

import java.util.List;

/**
 * Where exports learn which raters quality checks flagged, and why ({@code too fast},
 * {@code gold accuracy 40%}). Exports keep flagged votes and list the flags on each row, or
 * leave them out when asked ({@code excludeFlagged}).
 */
public interface RaterFlags {
    /** No quality check is installed: no rater is flagged, and asking to leave flagged ones out is refused. */
    RaterFlags NONE = new RaterFlags() {
        @Override
        public List<String> of(String appId, String rater) {
            return List.of();
        }

        @Override
        public boolean available() {
            return false;
        }
    };

    /** The flags standing against the rater (the app's own rater id), empty when none. */
    List<String> of(String appId, String rater);

    /** Whether any quality check runs, so that an empty list means "not flagged" rather than "never checked". */
    boolean available();
}
