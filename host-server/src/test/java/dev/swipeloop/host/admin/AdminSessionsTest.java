package dev.swipeloop.host.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.host.apps.AppCreator;
import dev.swipeloop.host.apps.AppKeys;
import dev.swipeloop.sdk.model.App;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminSessionsTest {
    static final String OPERATOR = "an-operator-token-long-enough-0123";
    final Map<String, App> apps = new HashMap<>();
    final AppCreator.CreatedApp shop = AppCreator.newApp("shop", List.of("https://shop.example"), Clock.systemUTC());
    Instant now = Instant.parse("2026-11-27T13:05:10.250Z");
    final AdminSessions sessions = new AdminSessions(id -> Optional.ofNullable(apps.get(id)), OPERATOR,
            Duration.ofMinutes(30), new Clock() {
                @Override
                public Instant instant() {
                    return now;
                }

                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            });

    AdminSessionsTest() {
        apps.put(shop.app().id(), shop.app());
    }

    @Test
    void aSecretKeyOrTheOperatorTokenSignsInAndNothingElse() {
        AdminSessions.Issued app = sessions.signIn(shop.secretKey()).orElseThrow();
        assertEquals(AdminSessions.Role.APP, app.session().role());
        assertEquals(shop.app().id(), app.session().appId());
        assertEquals(Instant.parse("2026-11-27T13:35:10Z"), app.session().expiresAt(), "whole seconds, as Max-Age");
        assertEquals(app.session(), sessions.verify(app.cookieValue()));

        AdminSessions.Issued operator = sessions.signIn(OPERATOR).orElseThrow();
        assertEquals(AdminSessions.Role.OPERATOR, operator.session().role());
        assertEquals(null, operator.session().appId());
        assertEquals(operator.session(), sessions.verify(operator.cookieValue()));

        assertTrue(sessions.signIn(shop.publishableKey()).isEmpty());
        assertTrue(sessions.signIn(OPERATOR + "x").isEmpty());
        assertTrue(sessions.signIn(AppKeys.newKey(AppKeys.KeyType.SECRET, shop.app().id())).isEmpty());
        assertTrue(sessions.signIn("").isEmpty());
    }

    @Test
    void eachSessionHasItsOwnCsrfTokenWhichOnlyMatchesItself() {
        AdminSessions.Session first = sessions.signIn(shop.secretKey()).orElseThrow().session();
        AdminSessions.Session second = sessions.signIn(shop.secretKey()).orElseThrow().session();
        assertNotEquals(first.csrfToken(), second.csrfToken());
        assertTrue(AdminSessions.csrfMatches(first, first.csrfToken()));
        assertFalse(AdminSessions.csrfMatches(first, second.csrfToken()));
        assertFalse(AdminSessions.csrfMatches(first, null));
        assertFalse(AdminSessions.csrfMatches(first, ""));
    }

    @Test
    void aSessionEndsWhenItExpiresOrItsKeyChanges() {
        String cookie = sessions.signIn(shop.secretKey()).orElseThrow().cookieValue();
        now = now.plus(Duration.ofMinutes(29));
        sessions.verify(cookie);
        now = Instant.parse("2026-11-27T13:35:10Z");
        assertTrue(assertThrows(AdminSessions.Refused.class, () -> sessions.verify(cookie)).expired());

        now = Instant.parse("2026-11-27T13:40:00Z");
        String fresh = sessions.signIn(shop.secretKey()).orElseThrow().cookieValue();
        App app = shop.app();
        apps.put(app.id(), new App(app.id(), app.name(), app.allowedOrigins(), app.publishableKey(),
                AppKeys.hash(AppKeys.newKey(AppKeys.KeyType.SECRET, app.id())), app.signingSecret(), app.createdAt()));
        assertFalse(assertThrows(AdminSessions.Refused.class, () -> sessions.verify(fresh)).expired(),
                "a rotated secret key ends the sessions it signed");
        apps.put(app.id(), new App(app.id(), app.name(), app.allowedOrigins(), app.publishableKey(), "",
                app.signingSecret(), app.createdAt()));
        assertThrows(AdminSessions.Refused.class, () -> sessions.verify(fresh), "revoked");
        apps.clear();
        assertThrows(AdminSessions.Refused.class, () -> sessions.verify(fresh), "the app is gone");
    }

    @Test
    void aTamperedCookieIsRefused() {
        String cookie = sessions.signIn(shop.secretKey()).orElseThrow().cookieValue();
        String[] parts = cookie.split("\\.");
        String later = String.join(".", parts[0], parts[1], parts[2], Long.toString(Long.parseLong(parts[3]) + 3600),
                parts[4], parts[5]);
        assertThrows(AdminSessions.Refused.class, () -> sessions.verify(later), "a longer expiry");
        String operator = String.join(".", parts[0], "op", "-", parts[3], parts[4], parts[5]);
        assertThrows(AdminSessions.Refused.class, () -> sessions.verify(operator), "promoted to operator");
        for (String junk : List.of("", "v1", "v2.app.x.1.a.b", "v1.app.UPPER.1.a.b", "v1.app.x.1.a.b.c", cookie + "x")) {
            assertThrows(AdminSessions.Refused.class, () -> sessions.verify(junk), junk);
        }
    }
}
