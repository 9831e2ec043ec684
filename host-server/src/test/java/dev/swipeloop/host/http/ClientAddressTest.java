package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void onlyIpLiteralsCountAsForwardedAddresses() {
        for (String ok : new String[] {"203.0.113.7", "10.0.0.1", "::1", "2001:db8::42", "::ffff:192.0.2.1"}) {
            assertTrue(ClientAddress.isIpAddress(ok), ok);
        }
        for (String bad : new String[] {"", "evil.example", "256.1.1.1", "1.2.3", "1.2.3.4.5", "x".repeat(60), "1.2.3.-4"}) {
            assertFalse(ClientAddress.isIpAddress(bad), bad);
        }
    }
}
