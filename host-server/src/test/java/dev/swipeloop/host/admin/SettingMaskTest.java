package dev.swipeloop.host.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SettingMaskTest {
    @Test
    void secretsAreNeverShownAndURLsLoseTheirPasswords() {
        assertEquals("••••", SettingMask.shown("hunter2", true));
        assertEquals(null, SettingMask.shown(null, true));
        assertEquals("16", SettingMask.shown("16", false));
        assertEquals("jdbc:postgresql://db.internal:5432/swipeloop?sslmode=require",
                SettingMask.shown("jdbc:postgresql://db.internal:5432/swipeloop?sslmode=require", false));
        assertEquals("jdbc:postgresql://db/x?user=app&password=••••&sslpassword=••••&ssl=true",
                SettingMask.shown("jdbc:postgresql://db/x?user=app&password=p%40ss&sslpassword=k3y&ssl=true", false));
        assertEquals("postgres://app:••••@db/x", SettingMask.shown("postgres://app:s3cr:et@db/x", false));
        assertEquals("https://hooks.example/x?token=••••", SettingMask.shown("https://hooks.example/x?token=abc", false));
        assertEquals("https://user@host.example/", SettingMask.shown("https://user@host.example/", false));
    }
}
