package dev.swipeloop.host.http;

import io.javalin.http.Context;

/** Who sent a request, for per-address rate limits. */
final class ClientAddress {
    private ClientAddress() {
    }

    /**
     * The socket's peer, or with {@code trustProxy} the first entry of {@code X-Forwarded-For}
     * (the client as the operator's proxy saw it). Trusting the header without a proxy would let
     * every request pick its own address and dodge the limit.
     */
    static String of(Context ctx, boolean trustProxy) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null) {
                String first = forwarded.split(",", 2)[0].trim();
                if (!first.isEmpty()) {
                    return first;
                }
            }
        }
        return ctx.req().getRemoteAddr();
    }
}
