package dev.swipeloop.host.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Endpoints the dispatcher could not send to are refused when made, naming the part. */
class WebhookEndpointTest {

    @Test
    void refusesAUrlThatIsNotAbsoluteHttp() {
        for (String url : List.of("ftp://example.com/hooks", "/hooks", "https:///hooks")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new WebhookEndpoint(URI.create(url), WebhookSecrets.generate()));
            assertEquals("webhook url must be an absolute http(s) URL, was " + url, e.getMessage());
        }
    }

    @Test
    void namesTheBadSecretOfARotation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WebhookEndpoint(URI.create("https://example.com/hooks"), List.of(WebhookSecrets.generate(), "old")));
        assertTrue(e.getMessage().startsWith("webhook secrets[1] must start with whsec_"), e.getMessage());
    }
}
