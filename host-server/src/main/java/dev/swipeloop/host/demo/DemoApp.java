package dev.swipeloop.host.demo;

/** The demo app's id and keys, kept in {@code <data>/demo/demo-app.json} so restarts print the same keys. */
public record DemoApp(String appId, String publishableKey, String secretKey) {
}
