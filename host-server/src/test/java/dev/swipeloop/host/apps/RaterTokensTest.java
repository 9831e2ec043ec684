package dev.swipeloop.host.apps;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.swipeloop.sdk.model.App;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RaterTokensTest {
    private final App app = AppCreator.newApp("Shop", List.of("https://shop.example"), Clock.systemUTC()).app();
    private final Instant now = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void aTokenMadeAsApiMdDescribesIsAccepted() throws Exception {
        long exp = now.getEpochSecond() + 3600;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(app.signingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("v1." + app.id() + ".alice." + exp).getBytes(StandardCharsets.UTF_8)));
        assertDoesNotThrow(() -> RaterTokens.verify(app, "alice", "v1." + exp + "." + sig, now));
    }

    @Test
    void expiredForgedOrOtherRaterTokensAreRefusedWithTheReason() {
        String expired = RaterTokens.sign(app, "alice", now.getEpochSecond() - 1);
        assertTrue(assertThrows(RaterTokens.InvalidRaterTokenException.class,
                () -> RaterTokens.verify(app, "alice", expired, now)).getMessage().contains("expired"));

        String valid = RaterTokens.sign(app, "alice", now.getEpochSecond() + 60);
        assertThrows(RaterTokens.InvalidRaterTokenException.class, () -> RaterTokens.verify(app, "bob", valid, now));

        App other = AppCreator.newApp("Other", List.of("https://o.example"), Clock.systemUTC()).app();
        assertThrows(RaterTokens.InvalidRaterTokenException.class, () -> RaterTokens.verify(other, "alice", valid, now));
        assertThrows(RaterTokens.InvalidRaterTokenException.class, () -> RaterTokens.verify(app, "alice", "v1.x.y", now));
        assertThrows(RaterTokens.InvalidRaterTokenException.class, () -> RaterTokens.verify(app, "alice", "garbage", now));
    }
}
