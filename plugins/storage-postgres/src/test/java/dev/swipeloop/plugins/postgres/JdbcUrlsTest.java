package dev.swipeloop.plugins.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void everyPasswordParameterIsMaskedAndTheRestShown() {
        assertEquals("jdbc:postgresql://db:5432/app?user=swipe&password=****&sslmode=verify-full&sslpassword=****"
                        + "&SSLPASSWORD=****",
                JdbcUrls.withoutPassword("jdbc:postgresql://db:5432/app?user=swipe&password=s3cret&sslmode=verify-full"
                        + "&sslpassword=keyPass&SSLPASSWORD=other"));
        assertEquals("jdbc:postgresql://db/app?sslpassword=****",
                JdbcUrls.withoutPassword("jdbc:postgresql://db/app?sslpassword=k"));
    }
}
