package dev.swipeloop.sdk.config;

/** One rejected setting: its key (as the extension declared it) and why. */
public record ConfigError(String key, String message) {
    @Override
    public String toString() {
        return key + ": " + message;
    }
}
