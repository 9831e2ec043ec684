package dev.swipeloop.host.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.apps.AppKeys.KeyType;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppKeysTest {

    @Test
    void keysCarryTheirAppIdAndAtLeast128RandomBits() {
        String appId = AppKeys.newAppId();
        String secret = AppKeys.newKey(KeyType.SECRET, appId);
        assertTrue(secret.matches("sk_" + appId + "_[0-9A-Za-z]{22}"), secret);
        // 22 base62 characters: 22 * log2(62) = 130.99 bits.
        assertTrue(AppKeys.RANDOM_LENGTH * Math.log(62) / Math.log(2) >= 128);
        assertTrue(appId.matches("[a-z0-9]{10}"), appId);

        AppKeys.ParsedKey parsed = AppKeys.parse(secret).orElseThrow();
        assertEquals(KeyType.SECRET, parsed.type());
        assertEquals(appId, parsed.appId());
        assertEquals(KeyType.PUBLISHABLE, AppKeys.parse(AppKeys.newKey(KeyType.PUBLISHABLE, appId)).orElseThrow().type());
        assertTrue(AppKeys.newSigningSecret().startsWith("ss_"));
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(AppKeys.newKey(KeyType.PUBLISHABLE, "abc")));
        }
    }

    @Test
    void textThatIsNotAKeyIsNotParsed() {
        for (String text : new String[] {null, "", "pk_", "pk_abc", "pk_abc_", "pk__x", "xk_abc_def", "pk_ABC_def",
                "pk_a-b_c", "sk_abc", "Bearer sk_abc_def"}) {
            assertTrue(AppKeys.parse(text).isEmpty(), String.valueOf(text));
        }
    }

    @Test
    void onlyTheSecretWhoseHashIsStoredMatches() {
        String secret = AppKeys.newKey(KeyType.SECRET, "app1");
        String stored = AppKeys.hash(secret);
        assertTrue(stored.matches("[0-9a-f]{64}"), stored);
        assertNotEquals(secret, stored);
        assertTrue(AppKeys.secretMatches(secret, stored));
        assertTrue(AppKeys.secretMatches(secret, stored.toUpperCase()));
        assertFalse(AppKeys.secretMatches(secret + "x", stored));
        assertFalse(AppKeys.secretMatches(AppKeys.newKey(KeyType.SECRET, "app1"), stored));
        assertFalse(AppKeys.secretMatches(secret, null));
    }

    @Test
    void publishableKeysAreComparedExactly() {
        String key = AppKeys.newKey(KeyType.PUBLISHABLE, "app1");
        assertTrue(AppKeys.publishableMatches(key, key));
        assertFalse(AppKeys.publishableMatches(key.substring(0, key.length() - 1), key));
        assertFalse(AppKeys.publishableMatches(key, null));
    }
}
