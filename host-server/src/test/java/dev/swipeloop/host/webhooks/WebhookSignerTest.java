package dev.swipeloop.host.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.webhooks.WebhookSigner.InvalidWebhookException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures a Standard Webhooks receiver accepts, and the tampering it must refuse. */
class WebhookSignerTest {
    /*
     * The published test vector of the Standard Webhooks reference libraries:
     * github.com/standard-webhooks/standard-webhooks,
     * libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java, verifyWebhookSignWorks
     * (the same secret, id, timestamp and payload are in the other languages' tests).
     */
    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1614265330;
    private static final String VECTOR_BODY = "{\"test\": 2432232314}";
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant VECTOR_TIME = Instant.ofEpochSecond(VECTOR_TIMESTAMP);

    private final WebhookSigner signer = new WebhookSigner(VECTOR_SECRET);

    @Test
    void signsThePublishedTestVector() {
        assertEquals(VECTOR_SIGNATURE, signer.sign(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY));
    }

    @Test
    void acceptsThePublishedTestVectorWithinTheTolerance() {
        assertDoesNotThrow(() -> verifyVector(VECTOR_ID, "1614265330", VECTOR_SIGNATURE, VECTOR_BODY,
                VECTOR_TIME.plusSeconds(299)));
        assertDoesNotThrow(() -> verifyVector(VECTOR_ID, "1614265330", VECTOR_SIGNATURE, VECTOR_BODY,
                VECTOR_TIME.minusSeconds(299)));
    }

    @Test
    void refusesAChangedBody() {
        InvalidWebhookException e = assertThrows(InvalidWebhookException.class,
                () -> verifyVector(VECTOR_ID, "1614265330", VECTOR_SIGNATURE, "{\"test\": 2432232315}", VECTOR_TIME));
        assertTrue(e.getMessage().contains("no v1 signature"), e.getMessage());
    }

    @Test
    void refusesAChangedId() {
        assertThrows(InvalidWebhookException.class,
                () -> verifyVector("msg_p5jXN8AQM9LWM0D4loKWxJel", "1614265330", VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TIME));
    }

    @Test
    void refusesAChangedTimestampEvenWithinTheTolerance() {
        assertThrows(InvalidWebhookException.class,
                () -> verifyVector(VECTOR_ID, "1614265331", VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TIME));
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        String other = new WebhookSigner(WebhookSecrets.generate()).sign(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY);
        assertThrows(InvalidWebhookException.class,
                () -> verifyVector(VECTOR_ID, "1614265330", other, VECTOR_BODY, VECTOR_TIME));
    }

    @Test
    void refusesATimestampOutsideTheToleranceEitherWay() {
        InvalidWebhookException old = assertThrows(InvalidWebhookException.class,
                () -> verifyVector(VECTOR_ID, "1614265330", VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TIME.plusSeconds(301)));
        assertTrue(old.getMessage().contains("301 s away"), old.getMessage());
        assertThrows(InvalidWebhookException.class,
                () -> verifyVector(VECTOR_ID, "1614265330", VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TIME.minusSeconds(301)));
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        assertThrows(InvalidWebhookException.class,
                () -> verifyVector(null, "1614265330", VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TIME));
        assertThrows(InvalidWebhookException.class,
                () -> verifyVector(VECTOR_ID, null, VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TIME));
        assertThrows(InvalidWebhookException.class,
                () -> verifyVector(VECTOR_ID, "1614265330", null, VECTOR_BODY, VECTOR_TIME));
        InvalidWebhookException notSeconds = assertThrows(InvalidWebhookException.class,
                () -> verifyVector(VECTOR_ID, "2021-02-25T15:02:10Z", VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TIME));
        assertTrue(notSeconds.getMessage().contains("Unix seconds"), notSeconds.getMessage());
        // The right signature under another version, or without one, is not a v1 signature.
        assertThrows(InvalidWebhookException.class, () -> verifyVector(VECTOR_ID, "1614265330",
                "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", VECTOR_BODY, VECTOR_TIME));
        assertThrows(InvalidWebhookException.class, () -> verifyVector(VECTOR_ID, "1614265330",
                "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", VECTOR_BODY, VECTOR_TIME));
    }

    @Test
    void aRotationHeaderCarriesOneSignaturePerSecretAndEitherSecretAcceptsIt() {
        String newSecret = WebhookSecrets.generate();
        String header = WebhookSigner.signatureHeader(List.of(new WebhookSigner(newSecret), signer),
                VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY);

        assertEquals(2, header.split(" ").length, header);
        assertTrue(header.endsWith(" " + VECTOR_SIGNATURE), header);
        assertDoesNotThrow(() -> verifyVector(VECTOR_ID, "1614265330", header, VECTOR_BODY, VECTOR_TIME));
        assertDoesNotThrow(() -> new WebhookSigner(newSecret).verify(VECTOR_ID, "1614265330", header, VECTOR_BODY,
                VECTOR_TIME, WebhookSigner.DEFAULT_TOLERANCE));
    }

    @Test
    void skipsSignaturesOfOtherSchemesAndFindsTheMatchingOne() {
        String header = "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== "
                + "v1,not-base64! " + VECTOR_SIGNATURE;
        assertDoesNotThrow(() -> verifyVector(VECTOR_ID, "1614265330", header, VECTOR_BODY, VECTOR_TIME));
    }

    @Test
    void refusesASecretThatIsNotAStandardWebhooksSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WebhookSigner("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertTrue(e.getMessage().startsWith("webhook secret must start with whsec_"), e.getMessage());
    }

    private void verifyVector(String id, String timestamp, String signature, String body, Instant now) {
        signer.verify(id, timestamp, signature, body, now, Duration.ofMinutes(5));
    }
}
