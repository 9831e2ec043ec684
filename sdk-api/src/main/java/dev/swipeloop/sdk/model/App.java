package dev.swipeloop.sdk.model;

import java.time.Instant;
import java.util.List;

/**
 * A tenant: one app that embeds the widget. The secret key is never stored, only its
 * SHA-256 ({@code secretKeyHash}, lower-case hex); the publishable key is public by design.
 * {@code signingSecret} signs verified-rater tokens, so it must be stored as it is. A revoked
 * key is stored as the empty string ({@code publishableKey} or {@code secretKeyHash}), which
 * no presented key matches.
 */
public record App(String id, String name, List<String> allowedOrigins, String publishableKey,
                  String secretKeyHash, String signingSecret, Instant createdAt) {
    public App {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
