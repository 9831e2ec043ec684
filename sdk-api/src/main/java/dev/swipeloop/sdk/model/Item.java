package dev.swipeloop.sdk.model;

import java.time.Instant;

/**
 * One generated image. {@code id} is the app's own id (unique within the app).
 * {@code group} joins images made for the same prompt, so they can be shown as pairs;
 * {@code gold} is the known answer of a honeypot item, or null.
 */
public record Item(String appId, String id, String imageUrl, Provenance provenance, String group,
                   Verdict gold, Instant updatedAt) {
}
