package dev.swipeloop.host.http;

import dev.swipeloop.host.apps.RaterTokens;
import dev.swipeloop.sdk.model.App;
import java.time.Instant;
import java.util.Collection;

/** Applies a verified-rater token ({@code X-Rater-Token} or {@code "raterToken"}) when one is sent. */
final class RaterCheck {
    private RaterCheck() {
    }

    /**
     * Each rater must be the one the token was signed for; otherwise 401 with the reason.
     * Returns whether a token was checked (false: none was sent, the raters are anonymous).
     */
    static boolean verify(App app, String token, Collection<String> raters, Instant now) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        for (String rater : raters) {
            try {
                RaterTokens.verify(app, rater, token, now);
            } catch (RaterTokens.InvalidRaterTokenException e) {
                throw new ApiException.Unauthorized("invalid-rater-token", "Rater token refused: " + e.getMessage() + ".");
            }
        }
        return !raters.isEmpty();
    }
}
