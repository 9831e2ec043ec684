package dev.swipeloop.plugins.pickapic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** 64-bit digests of text, for keys that must not collide in practice. Thread-safe. */
final class Hashes {
    private Hashes() {
    }

    /**
     * The first 8 bytes of the text's UTF-8 SHA-256, big-endian. Two distinct texts share it with
     * probability about n²/2⁶⁵ among n texts (3·10⁻⁸ for a million).
     */
    static long sha256Prefix(String text) {
        byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
