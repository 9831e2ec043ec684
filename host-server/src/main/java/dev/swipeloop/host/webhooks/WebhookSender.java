package dev.swipeloop.host.webhooks;

import dev.swipeloop.host.HostVersion;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one attempt of a message: signs it for the moment of sending ({@code webhook-timestamp}
 * is the attempt's time, as the specification asks, so a receiver's tolerance window holds for
 * a retry hours later) and POSTs it without waiting on the calling thread.
 */
final class WebhookSender {
    private static final String USER_AGENT = "Swipeloop-Webhooks/" + HostVersion.get();

    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(Duration timeout) {
        this.timeout = timeout;
        // No redirects: the specification counts a 3xx as a failure (the URL should be fixed
        // instead). HTTP/1.1: one request per message gains nothing from HTTP/2, and plain-http
        // receivers then see no h2c upgrade offer.
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Completes with the outcome, never exceptionally, within about {@code timeout}. */
    CompletableFuture<AttemptOutcome> send(WebhookEndpoint endpoint, WebhookMessage message) {
        try {
            long timestamp = Instant.now().getEpochSecond();
            List<WebhookSigner> signers = endpoint.secrets().stream().map(WebhookSigner::new).toList();
            HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                    .timeout(timeout)
                    .header("content-type", "application/json")
                    .header("user-agent", USER_AGENT)
                    .header("webhook-id", message.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature",
                            WebhookSigner.signatureHeader(signers, message.id(), timestamp, message.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                    .build();
            // The request timeout ends the wait for the answer's headers; the extra bound also
            // covers a receiver that answers and then trickles its body.
            return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(response -> new AttemptOutcome(response.statusCode(), null))
                    .orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                    .exceptionally(AttemptOutcome::failed);
        } catch (RuntimeException e) {
            // A URL the client cannot use fails the attempt like a refused connection would.
            return CompletableFuture.completedFuture(AttemptOutcome.failed(e));
        }
    }
}
