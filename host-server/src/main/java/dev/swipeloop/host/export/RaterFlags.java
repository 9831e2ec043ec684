package dev.swipeloop.host.export;

import java.util.List;

/**
 * Where exports learn which raters quality checks flagged: the codes of the flags standing
 * ({@code too-fast}, {@code gold-accuracy}…; reasons are in the rater-quality API). Exports keep
 * flagged votes and list the codes on each row, or leave them out when asked
 * ({@code excludeFlagged}).
 */
@FunctionalInterface
public interface RaterFlags {
    /** The codes of the flags standing against the rater (the app's own rater id), empty when none. */
    List<String> of(String appId, String rater);
}
