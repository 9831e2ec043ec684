package dev.swipeloop.host.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What secrets look like, and which ones are refused before anything is signed with them. */
class WebhookSecretsTest {

    @Test
    void generatedSecretsAreWhsecAnd24RandomBytes() {
        String secret = WebhookSecrets.generate();

        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{32}"), secret);
        assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNull(WebhookSecrets.problem(secret));
        assertNotEquals(secret, WebhookSecrets.generate());
    }

    @Test
    void namesWhatIsWrongWithABadSecret() {
        assertTrue(WebhookSecrets.problem(null).startsWith("must start with whsec_"));
        assertTrue(WebhookSecrets.problem("whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").startsWith("must start with whsec_"));
        assertTrue(WebhookSecrets.problem("whsec_not base64!").contains("standard base64"));
        assertEquals("must hold 24 to 64 bytes after whsec_, held 3", WebhookSecrets.problem("whsec_c2hv"));
        String tooLong = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);
        assertEquals("must hold 24 to 64 bytes after whsec_, held 65", WebhookSecrets.problem(tooLong));
    }
}
