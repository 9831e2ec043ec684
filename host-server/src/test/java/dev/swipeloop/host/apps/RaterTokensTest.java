package dev.swipeloop.host.apps;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.App;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** What a developer sees when a token is refused: each reason must point at what to fix. */
class RaterTokensTest {
    private final App app = AppCreator.newApp("Shop", List.of("https://shop.example"), Clock.systemUTC()).app();
    private final Instant now = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void aTokenMadeAsApiMdDescribesIsAccepted() throws Exception {
        long exp = now.getEpochSecond() + 3600;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(app.signingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("v1." + app.id() + ".alice." + exp).getBytes(StandardCharsets.UTF_8)));
        assertEquals(RaterTokens.sign(app, "alice", exp), "v1." + exp + "." + sig);
        assertDoesNotThrow(() -> RaterTokens.verify(app, "alice", "v1." + exp + "." + sig, now));
    }

    @Test
    void aTokenIsGoodUntilTheSecondBeforeItsExpiryAndRefusedFromThatSecondOn() {
        long exp = now.getEpochSecond();
        String token = RaterTokens.sign(app, "alice", exp);
        assertDoesNotThrow(() -> RaterTokens.verify(app, "alice", token, now.minusSeconds(1)));
        assertDoesNotThrow(() -> RaterTokens.verify(app, "alice", token, now.minusMillis(1)));
        String atExpiry = refusal(app, "alice", token, now);
        assertTrue(atExpiry.contains("expired at 2026-05-01T12:00:00Z"), atExpiry);
        assertTrue(atExpiry.contains("ask the app's backend for a new one"), atExpiry);
        assertTrue(refusal(app, "alice", token, now.plusSeconds(3600)).contains("expired"));
    }

    @Test
    void aForgedSignatureIsRefusedAndTheMessageSaysWhichSecretSignsTokens() {
        long exp = now.getEpochSecond() + 60;
        String guessedSecret = "v1." + exp + "." + signWith("ss_guessed", app.id(), "alice", exp);
        String good = RaterTokens.sign(app, "alice", exp);
        String tampered = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
        for (String forged : List.of(guessedSecret, tampered, "v1." + exp + ".")) {
            String reason = refusal(app, "alice", forged, now);
            assertTrue(reason.contains("signature does not match rater 'alice'"), reason);
            assertTrue(reason.contains("sign it with this app's signing secret"), reason);
        }
    }

    @Test
    void aLaterExpiryCannotBeWrittenOverASignedOne() {
        String token = RaterTokens.sign(app, "alice", now.getEpochSecond() - 10);
        String stretched = token.replaceFirst("^v1\\.\\d+\\.", "v1." + (now.getEpochSecond() + 3600) + ".");
        assertTrue(refusal(app, "alice", stretched, now).contains("signature does not match"));
    }

    @Test
    void aTokenForAnotherRaterIsRefusedNamingTheRaterOfTheVote() {
        String alices = RaterTokens.sign(app, "alice", now.getEpochSecond() + 60);
        String reason = refusal(app, "bob", alices, now);
        assertTrue(reason.contains("does not match rater 'bob'"), reason);
        assertTrue(refusal(app, "Alice", alices, now).contains("rater 'Alice'"), "rater ids are compared exactly");
    }

    @Test
    void aTokenOfAnotherAppIsRefusedPointingAtThisAppsSecret() {
        App other = AppCreator.newApp("Other", List.of("https://o.example"), Clock.systemUTC()).app();
        String othersToken = RaterTokens.sign(other, "alice", now.getEpochSecond() + 60);
        String reason = refusal(app, "alice", othersToken, now);
        assertTrue(reason.contains("of this app; sign it with this app's signing secret"), reason);

        // The same secret under another app id signs something else: the app id is part of the message.
        App sameSecretOtherId = new App("otherid234", "Copy", app.allowedOrigins(), app.publishableKey(),
                app.secretKeyHash(), app.signingSecret(), app.createdAt());
        String copied = RaterTokens.sign(sameSecretOtherId, "alice", now.getEpochSecond() + 60);
        assertTrue(refusal(app, "alice", copied, now).contains("signature does not match"));
    }

    @Test
    void afterRotationTokensOfTheOldSecretAreRefusedAndNewOnesAccepted() {
        long exp = now.getEpochSecond() + 60;
        String old = RaterTokens.sign(app, "alice", exp);
        App rotated = new App(app.id(), app.name(), app.allowedOrigins(), app.publishableKey(), app.secretKeyHash(),
                AppKeys.newSigningSecret(), app.createdAt());
        assertTrue(refusal(rotated, "alice", old, now).contains("sign it with this app's signing secret"));
        assertDoesNotThrow(() -> RaterTokens.verify(rotated, "alice", RaterTokens.sign(rotated, "alice", exp), now));
    }

    @Test
    void malformedTokensAreRefusedSayingWhatShapeIsExpected() {
        assertTrue(refusal(app, "alice", "garbage", now).contains("not of the form v1.<exp>.<sig>"));
        assertTrue(refusal(app, "alice", "v2.1.abc", now).contains("not of the form v1.<exp>.<sig>"));
        assertTrue(refusal(app, "alice", "v1.1.a.b", now).contains("not of the form v1.<exp>.<sig>"));
        assertTrue(refusal(app, "alice", "v1.2026-05-01.abc", now).contains("expiry is not Unix seconds"));
    }

    private static String refusal(App app, String rater, String token, Instant at) {
        return assertThrows(RaterTokens.InvalidRaterTokenException.class, () -> RaterTokens.verify(app, rater, token, at))
                .getMessage();
    }

    private static String signWith(String secret, String appId, String rater, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(("v1." + appId + "." + rater + "." + exp).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
