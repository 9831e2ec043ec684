package dev.swipeloop.sdk.model;

/**
 * How an image was generated. Every field may be null; {@code paramsJson} is a JSON object
 * (sampler, steps, cfg, …) kept as text so the SDK needs no JSON library.
 */
public record Provenance(String prompt, String negativePrompt, String model, String modelVersion,
                         Long seed, String paramsJson) {
    public static final Provenance NONE = new Provenance(null, null, null, null, null, null);
}
