package dev.swipeloop.host.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rater ids exports carry: {@code r_} and 16 hex digits of HMAC-SHA256(key, app + rater).
 * The same rater gets the same pseudonym in every export of hosts sharing the key, so a
 * pipeline can group by rater; without the key nobody can test a guessed user id against it,
 * which a plain hash would allow. Not thread-safe: one instance per export run of one app (it caches the
 * raters it has seen, a few thousand at most, since raters are far fewer than votes).
 */
final class RaterPseudonyms {
    private static final int CACHED = 4096;
    private final Mac mac;
    private final byte[] app;
    private final Map<String, String> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED;
        }
    };

    RaterPseudonyms(byte[] key, String appId) {
        this.app = appId.getBytes(StandardCharsets.UTF_8);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    String of(String rater) {
        String cached = cache.get(rater);
        if (cached != null) {
            return cached;
        }
        mac.update(app);
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(rater.getBytes(StandardCharsets.UTF_8));
        String pseudonym = "r_" + HexFormat.of().formatHex(digest, 0, 8);
        cache.put(rater, pseudonym);
        return pseudonym;
    }
}
