package dev.swipeloop.host.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppCreatorTest {

    @Test
    void aNewAppStoresOnlyTheHashOfItsSecretAndNormalizedOrigins() {
        AppCreator.CreatedApp created = AppCreator.newApp("Shop", List.of("https://Shop.example/", "https://shop.example"),
                Clock.systemUTC());
        assertEquals(List.of("https://shop.example"), created.app().allowedOrigins());
        assertTrue(created.publishableKey().startsWith("pk_" + created.app().id() + "_"));
        assertTrue(created.secretKey().startsWith("sk_" + created.app().id() + "_"));
        assertEquals(created.publishableKey(), created.app().publishableKey());
        assertFalse(created.app().secretKeyHash().contains(created.secretKey()));
        assertTrue(AppKeys.secretMatches(created.secretKey(), created.app().secretKeyHash()));
        assertEquals(created.signingSecret(), created.app().signingSecret());

        JsonObject printed = created.toJson();
        assertEquals(created.app().id(), printed.get("app").getAsString());
        assertEquals(created.secretKey(), printed.get("secretKey").getAsString());
        assertTrue(printed.get("signingSecret").getAsString().startsWith("ss_"));
    }

    @Test
    void everyBadOriginIsNamedAtOnce() {
        InvalidOriginException e = assertThrows(InvalidOriginException.class, () -> AppCreator.newApp("Shop",
                List.of("https://ok.example", "https://a.example/path", "b.example"), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("https://a.example/path"), e.getMessage());
        assertTrue(e.getMessage().contains("b.example"), e.getMessage());
    }
}
