package dev.swipeloop.host.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WidgetBundleTest {
    @Test
    void theHashIsTheFirstSixteenHexDigitsOfTheScriptsSha256() {
        WidgetBundle bundle = new WidgetBundle("abc".getBytes(StandardCharsets.UTF_8),
                "hello".getBytes(StandardCharsets.UTF_8), new byte[0]);
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertEquals("ba7816bf8f01cfea", bundle.hash());
        assertEquals("/widget.ba7816bf8f01cfea.js", bundle.hashedPath());
        // sha256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
        assertEquals("/widget.progress.2cf24dba5fb0a30e.js", bundle.progressPath());
        assertEquals("e3b0c44298fc1c14", bundle.declarationsHash());
        assertEquals(3, bundle.scriptBytes());
    }

    @Test
    void theBuiltWidgetIsOnTheClassPathOnce() {
        WidgetBundle bundled = WidgetBundle.bundled();
        assertSame(bundled, WidgetBundle.bundled());
        assertTrue(bundled.scriptBytes() > 1000, "the swipeloop-widget jar's minified script");
        assertTrue(new String(bundled.declarations(), StandardCharsets.UTF_8).contains("swipe-deck"));
    }

    @Test
    void theBuiltScriptImportsTheProgressModuleByTheNameTheHostServesItUnder() {
        WidgetBundle bundled = WidgetBundle.bundled();
        String script = new String(bundled.script(), StandardCharsets.UTF_8);
        // The widget's build hashes the module as this class does; a mismatch would leave every
        // show-progress deck without its meter.
        assertTrue(script.contains(bundled.progressPath().substring(1)), "widget.js names " + bundled.progressPath());
        assertTrue(new String(bundled.progress(), StandardCharsets.UTF_8).contains("export"), "an ES module");
    }
}
