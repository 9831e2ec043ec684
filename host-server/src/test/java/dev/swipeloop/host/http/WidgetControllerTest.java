package dev.swipeloop.host.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WidgetControllerTest {
    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndStar() {
        String etag = "\"ba7816bf8f01cfea\"";
        assertTrue(WidgetController.matches(etag, etag));
        assertTrue(WidgetController.matches("W/" + etag, etag));
        assertTrue(WidgetController.matches("\"old\", " + etag, etag));
        assertTrue(WidgetController.matches("*", etag));
        assertFalse(WidgetController.matches(null, etag));
        assertFalse(WidgetController.matches("\"old\"", etag));
        assertFalse(WidgetController.matches("ba7816bf8f01cfea", etag), "an unquoted tag is not the tag");
    }
}
