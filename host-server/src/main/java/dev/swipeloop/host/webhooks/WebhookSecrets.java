package dev.swipeloop.host.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Endpoint secrets in the Standard Webhooks form {@code whsec_<base64>}: the part after the
 * prefix, base64-decoded, is the HMAC-SHA256 key. The prefix lets a receiver (and any Standard
 * Webhooks library) tell the symmetric scheme from the asymmetric one ({@code whsk_}).
 */
public final class WebhookSecrets {
    /** What every symmetric Standard Webhooks secret starts with. */
    public static final String PREFIX = "whsec_";
    /** The specification asks for at least 24 random bytes (192 bits)… */
    static final int MIN_KEY_BYTES = 24;
    /** …and at most 512 bits. */
    static final int MAX_KEY_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    /** A new random secret: {@code whsec_} and 24 random bytes in base64 (32 characters). */
    public static String generate() {
        byte[] key = new byte[MIN_KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * Null when {@code secret} is a usable secret, else what is wrong with it, phrased to follow
     * the setting's name ("must start with whsec_").
     */
    public static String problem(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return "must start with " + PREFIX + " followed by base64, e.g. a secret from WebhookSecrets.generate()";
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return "must be " + PREFIX + " followed by standard base64 (A-Z, a-z, 0-9, +, /, = padding)";
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            return "must hold " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes after " + PREFIX + ", held " + key.length;
        }
        return null;
    }

    /** The HMAC key inside {@code secret}; throws {@link IllegalArgumentException} naming the problem. */
    static byte[] key(String secret) {
        String problem = problem(secret);
        if (problem != null) {
            throw new IllegalArgumentException("webhook secret " + problem);
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
