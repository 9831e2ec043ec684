package dev.swipeloop.host.metrics;

import dev.swipeloop.host.http.ApiException;
import io.javalin.http.Context;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the Prometheus text format 0.0.4, or OpenMetrics when the scraper's
 * {@code Accept} asks for it (the library picks the writer). Open like {@code /health} unless
 * {@code metrics.token} is set; 404 when {@code metrics.enabled} is off.
 */
public final class MetricsEndpoint {
    private static final ExpositionFormats FORMATS = ExpositionFormats.init();

    private final HostMetrics metrics;
    private final byte[] expectedAuthorization;

    /** @param metrics null when metrics are off */
    public MetricsEndpoint(HostMetrics metrics, MetricsSettings settings) {
        this.metrics = metrics;
        this.expectedAuthorization = settings.token() == null ? null
                : ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
    }

    public void scrape(Context ctx) throws IOException {
        if (metrics == null) {
            throw new ApiException.NotFound("metrics-off", "Metrics are off on this host; set metrics.enabled=true"
                    + " (--metrics.enabled true, SWIPELOOP_METRICS_ENABLED) to serve them.");
        }
        if (expectedAuthorization != null) {
            String given = ctx.header("Authorization");
            // Constant time, so the token cannot be guessed byte by byte from response times.
            if (given == null || !MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException.Unauthorized("metrics-token", "GET /metrics needs 'Authorization: Bearer"
                        + " <metrics.token>'; set the same token in the scrape config (authorization.credentials).");
            }
        }
        ExpositionFormatWriter writer = FORMATS.findWriter(ctx.header("Accept"));
        ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);
        writer.write(body, metrics.scrape());
        ctx.status(200).contentType(writer.getContentType()).header("Cache-Control", "no-store").result(body.toByteArray());
    }
}
