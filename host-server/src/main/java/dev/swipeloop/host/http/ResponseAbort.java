package dev.swipeloop.host.http;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Cuts the connection of a response that already started, so that a client never sees a clean
 * end (HTTP/1.1's last chunk) after a failure half-way through a stream. Javalin would turn an
 * exception into an error body appended to what was sent, and Jetty would then end the
 * response normally: a truncated export would look complete.
 */
final class ResponseAbort {
    private ResponseAbort() {
    }

    static void abort(Context ctx, Throwable failure) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            throw new IllegalStateException("not a Jetty request; cannot abort the response", failure);
        }
        request.getServletChannel().abort(failure);
    }
}
