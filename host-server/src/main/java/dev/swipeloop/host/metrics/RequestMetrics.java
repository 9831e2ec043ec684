package dev.swipeloop.host.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Every HTTP request's time, by method, route and status code. The route is the template the
 * request matched ({@code /v1/raters/{rater}/ledger}), never the raw path, and {@value #UNMATCHED}
 * for a path no route has (404): what a client puts in a path cannot grow the number of series.
 * Javalin names the endpoint it ran; a request refused before that (a rate limit's 429 in a
 * before-handler) is named from the API's templates. Fed by Javalin's request logger, which runs
 * once the answer is written, async answers included.
 */
final class RequestMetrics {
    static final String UNMATCHED = "unmatched";
    /** From 1 ms (a cached widget, a single vote) to 10 s (a large export page). */
    private static final double[] SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final String[] STATUS = new String[600];

    static {
        for (int code = 0; code < STATUS.length; code++) {
            STATUS[code] = Integer.toString(code);
        }
    }

    private final Histogram durations;
    private final RouteTemplates templates;

    RequestMetrics(PrometheusRegistry registry, RouteTemplates templates) {
        this.templates = templates;
        this.durations = Histogram.builder()
                .name("swipeloop_http_request_duration_seconds")
                .help("Time from a request's arrival until its answer was written, by method, route template and"
                        + " status code; _count is the number of requests")
                .unit(Unit.SECONDS)
                .labelNames("method", "route", "status")
                .classicOnly()
                .classicUpperBounds(SECONDS)
                .withoutExemplars()
                .register(registry);
    }

    /** A {@link io.javalin.http.RequestLogger}: the request is answered; {@code millis} is how long it took. */
    void answered(Context ctx, Float millis) {
        int code = ctx.statusCode();
        durations.labelValues(ctx.method().name(), route(ctx),
                        code >= 0 && code < STATUS.length ? STATUS[code] : Integer.toString(code))
                .observe(millis / 1000.0);
    }

    private String route(Context ctx) {
        Endpoint ran = ctx.endpoints().matchedHttpEndpoint();
        if (ran != null) {
            return ran.path;
        }
        String template = templates.match(ctx.path());
        return template == null ? UNMATCHED : template;
    }
}
