package dev.swipeloop.host.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks symmetric signatures for one secret: {@code v1,<base64 HMAC-SHA256>} of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the base64-decoded part of a
 * {@code whsec_} secret. Thread-safe (a {@link Mac} is made per call).
 *
 * <p>{@link #verify} is the receiver's side, here for tests and as the reference the receiver
 * examples in docs/webhooks.md follow.
 */
public final class WebhookSigner {
    /** The signature version of the symmetric scheme. */
    public static final String VERSION = "v1";
    /**
     * How far a receiver lets {@code webhook-timestamp} stray from its clock, either way: five
     * minutes, as the Standard Webhooks libraries do. Replays of a captured request fail after it.
     */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param secret {@code whsec_<base64>}; anything else throws {@link IllegalArgumentException} */
    public WebhookSigner(String secret) {
        this.key = new SecretKeySpec(WebhookSecrets.key(secret), HMAC);
    }

    /** The {@code webhook-signature} of one message under this secret: {@code v1,<base64>}. */
    public String sign(String webhookId, long timestamp, String body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(mac(webhookId, timestamp, body));
    }

    /**
     * The {@code webhook-signature} header for several secrets, space-separated, so a receiver
     * still holding the old secret during a rotation accepts the message too.
     */
    public static String signatureHeader(List<WebhookSigner> signers, String webhookId, long timestamp, String body) {
        StringBuilder header = new StringBuilder();
        for (WebhookSigner signer : signers) {
            if (header.length() > 0) {
                header.append(' ');
            }
            header.append(signer.sign(webhookId, timestamp, body));
        }
        return header.toString();
    }

    /** {@link #verify(String, String, String, String, Instant, Duration)} against the clock, default tolerance. */
    public void verify(String webhookId, String timestampHeader, String signatureHeader, String body) {
        verify(webhookId, timestampHeader, signatureHeader, body, Instant.now(), DEFAULT_TOLERANCE);
    }

    /**
     * Checks a received message: the timestamp within {@code tolerance} of {@code now}, and one
     * of the space-separated {@code v1} signatures made with this secret (others are ignored,
     * as the specification asks). Signatures are compared in constant time.
     *
     * @throws InvalidWebhookException saying which check failed
     */
    public void verify(String webhookId, String timestampHeader, String signatureHeader, String body,
                       Instant now, Duration tolerance) {
        if (webhookId == null || timestampHeader == null || signatureHeader == null) {
            throw new InvalidWebhookException("missing header: webhook-id, webhook-timestamp and webhook-signature are required");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw new InvalidWebhookException("webhook-timestamp must be Unix seconds, was '" + timestampHeader + "'");
        }
        long skew = Math.abs(now.getEpochSecond() - timestamp);
        if (skew > tolerance.toSeconds()) {
            throw new InvalidWebhookException("webhook-timestamp is " + skew + " s away from now, more than the "
                    + tolerance.toSeconds() + " s tolerated: a replay, or a clock that is off");
        }
        byte[] expected = mac(webhookId, timestamp, body);
        for (String versioned : signatureHeader.trim().split(" +")) {
            int comma = versioned.indexOf(',');
            if (comma < 0 || !versioned.substring(0, comma).equals(VERSION)) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(versioned.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new InvalidWebhookException("no v1 signature in webhook-signature matches this secret");
    }

    private byte[] mac(String webhookId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** A received message that must not be trusted; the message says which check failed. */
    public static final class InvalidWebhookException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidWebhookException(String message) {
            super(message);
        }
    }
}
