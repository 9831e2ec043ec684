package dev.swipeloop.host.apps;

import dev.swipeloop.sdk.model.App;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verified-rater tokens {@code v1.<exp>.<sig>}, where {@code sig} is
 * base64url(HMAC-SHA256(signingSecret, "v1." + appId + "." + rater + "." + exp)) without
 * padding. The app's backend makes them for its signed-in users; see API.md.
 */
public final class RaterTokens {
    /** Why a token was refused, in words for the 401. */
    public static final class InvalidRaterTokenException extends dev.swipeloop.sdk.SwipeloopException {
        private static final long serialVersionUID = 1L;

        public InvalidRaterTokenException(String message) {
            super(message);
        }
    }

    private RaterTokens() {
    }

    public static String sign(App app, String rater, long expiresEpochSecond) {
        return "v1." + expiresEpochSecond + "." + signature(app.signingSecret(), app.id(), rater, expiresEpochSecond);
    }

    /** Checks that {@code token} vouches for {@code rater} of {@code app} at {@code now}; throws saying why not. */
    public static void verify(App app, String rater, String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !"v1".equals(parts[0])) {
            throw new InvalidRaterTokenException("the rater token is not of the form v1.<exp>.<sig>");
        }
        long exp;
        try {
            exp = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new InvalidRaterTokenException("the rater token's expiry is not Unix seconds");
        }
        String expected = signature(app.signingSecret(), app.id(), rater, exp);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidRaterTokenException("the rater token's signature does not match rater '" + rater
                    + "' of this app; sign it with this app's signing secret");
        }
        if (now.getEpochSecond() >= exp) {
            throw new InvalidRaterTokenException("the rater token expired at " + Instant.ofEpochSecond(exp)
                    + "; ask the app's backend for a new one");
        }
    }

    private static String signature(String secret, String appId, String rater, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(("v1." + appId + "." + rater + "." + exp).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java runtime", e);
        }
    }
}
