package dev.swipeloop.host.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void originsAreStoredInTheFormBrowsersSend() {
        assertEquals("https://shop.example", Origins.normalize("HTTPS://Shop.Example:443"));
        assertEquals("https://shop.example", Origins.normalize("https://shop.example/"));
        assertEquals("http://localhost:7070", Origins.normalize("http://localhost:7070"));
        assertEquals("http://127.0.0.1", Origins.normalize("http://127.0.0.1:80"));
    }

    @Test
    void anythingButSchemeHostPortIsRefusedSayingWhy() {
        assertTrue(assertThrows(InvalidOriginException.class, () -> Origins.normalize("https://shop.example/page"))
                .getMessage().contains("drop the path"));
        assertTrue(assertThrows(InvalidOriginException.class, () -> Origins.normalize("shop.example"))
                .getMessage().contains("http:// or https://"));
        assertThrows(InvalidOriginException.class, () -> Origins.normalize("ftp://shop.example"));
        assertThrows(InvalidOriginException.class, () -> Origins.normalize("https://shop.example?x=1"));
        assertThrows(InvalidOriginException.class, () -> Origins.normalize(""));
        assertThrows(InvalidOriginException.class, () -> Origins.normalize("null"));
    }

    @Test
    void aRefererGivesItsOrigin() {
        assertEquals(Optional.of("https://shop.example:8443"), Origins.ofUrl("https://shop.example:8443/deck?x=1#y"));
        assertEquals(Optional.empty(), Origins.ofUrl("not a url"));
        assertEquals(Optional.empty(), Origins.ofUrl(null));
    }

    @Test
    void onlyListedOriginsMatch() {
        List<String> allowed = List.of("https://shop.example", "http://localhost:7070");
        assertTrue(Origins.isAllowed("https://shop.example", allowed));
        assertTrue(Origins.isAllowed("https://SHOP.example:443", allowed));
        assertTrue(Origins.isAllowed("http://localhost:7070", allowed));
        assertFalse(Origins.isAllowed("http://shop.example", allowed));
        assertFalse(Origins.isAllowed("https://shop.example.evil.test", allowed));
        assertFalse(Origins.isAllowed("http://localhost:7071", allowed));
        assertFalse(Origins.isAllowed("null", allowed));
        assertFalse(Origins.isAllowed(null, allowed));
    }
}
