package dev.swipeloop.host.apps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Makes and reads app credentials. Keys carry their app's id ({@code pk_<appId>_<random>},
 * {@code sk_<appId>_<random>}) so a request is resolved with one lookup by id; the random
 * part has 131 bits from {@link SecureRandom}. Only the secret key's SHA-256 is stored, and
 * it is compared in constant time.
 */
public final class AppKeys {
    /** Which kind of key a request presented. */
    public enum KeyType {
        PUBLISHABLE("pk_"), SECRET("sk_");

        private final String prefix;

        KeyType(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** A key split into its parts; says nothing about whether the key is valid. */
    public record ParsedKey(KeyType type, String appId, String text) {
    }

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String APP_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    static final int APP_ID_LENGTH = 10;
    /** 22 base62 characters hold log2(62^22) = 131 bits. */
    static final int RANDOM_LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AppKeys() {
    }

    /** A short lower-case id (50 bits) without look-alike characters, e.g. {@code k3v9tq2mxa}. */
    public static String newAppId() {
        return random(APP_ID_ALPHABET, APP_ID_LENGTH);
    }

    public static String newKey(KeyType type, String appId) {
        return type.prefix() + appId + "_" + random(BASE62, RANDOM_LENGTH);
    }

    public static String newSigningSecret() {
        return "ss_" + random(BASE62, 43);
    }

    /** Lower-case hex SHA-256, as stored in {@code App.secretKeyHash}. */
    public static String hash(String secretKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secretKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** True when {@code secretKey} hashes to {@code storedHash}; takes the same time whatever differs. */
    public static boolean secretMatches(String secretKey, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secretKey).getBytes(StandardCharsets.US_ASCII),
                storedHash.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Compares two publishable keys in constant time. */
    public static boolean publishableMatches(String presented, String stored) {
        return stored != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                stored.getBytes(StandardCharsets.UTF_8));
    }

    /** Splits {@code pk_<appId>_<random>} or {@code sk_…}; empty when the text is not shaped like a key. */
    public static Optional<ParsedKey> parse(String text) {
        if (text == null || text.length() > 200) {
            return Optional.empty();
        }
        for (KeyType type : KeyType.values()) {
            if (text.startsWith(type.prefix())) {
                String rest = text.substring(type.prefix().length());
                int underscore = rest.indexOf('_');
                if (underscore <= 0 || underscore == rest.length() - 1) {
                    return Optional.empty();
                }
                String appId = rest.substring(0, underscore);
                if (!appId.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                    return Optional.empty();
                }
                return Optional.of(new ParsedKey(type, appId, text));
            }
        }
        return Optional.empty();
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
