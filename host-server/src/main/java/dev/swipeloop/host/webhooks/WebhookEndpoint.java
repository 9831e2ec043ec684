package dev.swipeloop.host.webhooks;

import java.net.URI;
import java.util.List;

/**
 * Where an app's webhooks go and the secrets they are signed with. Several secrets during a
 * rotation: each message then carries one signature per secret, the current one first, and a
 * receiver holding either accepts it.
 */
public record WebhookEndpoint(URI url, List<String> secrets) {

    /** Checks the URL's scheme and every secret; the message names what is wrong. */
    public WebhookEndpoint {
        if (url == null || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                || url.getHost() == null) {
            throw new IllegalArgumentException("webhook url must be an absolute http(s) URL, was " + url);
        }
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("webhook endpoint " + url + " needs at least one secret");
        }
        secrets = List.copyOf(secrets);
        for (int i = 0; i < secrets.size(); i++) {
            String problem = WebhookSecrets.problem(secrets.get(i));
            if (problem != null) {
                throw new IllegalArgumentException("webhook secrets[" + i + "] " + problem);
            }
        }
    }

    /** An endpoint with one secret. */
    public WebhookEndpoint(URI url, String secret) {
        this(url, List.of(secret));
    }
}
