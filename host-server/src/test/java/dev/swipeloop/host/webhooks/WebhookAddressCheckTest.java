package dev.swipeloop.host.webhooks;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookAddressCheckTest {
    @Test
    void urlsOnTheHostsOwnNetworksAreRefusedUnlessTheOperatorAllowsThem() {
        String loopback = WebhookAddressCheck.problem("http://127.0.0.1:9000/hooks", false);
        assertTrue(loopback != null && loopback.contains("127.0.0.1") && loopback.contains("webhooks.allowPrivateAddresses"),
                loopback);
        assertTrue(WebhookAddressCheck.problem("http://169.254.169.254/latest/meta-data", false) != null,
                "the cloud metadata address");
        assertTrue(WebhookAddressCheck.problem("https://10.0.0.7/hooks", false) != null, "a private range");
        assertTrue(WebhookAddressCheck.problem("https://[::1]/hooks", false) != null, "IPv6 loopback");
        assertNull(WebhookAddressCheck.problem("http://127.0.0.1:9000/hooks", true));
    }

    @Test
    void aPublicAddressIsFine() {
        assertNull(WebhookAddressCheck.problem("https://93.184.215.14/hooks", false));
    }
}
