package dev.swipeloop.host.http;

import io.javalin.http.Context;

/** The URL clients reach this server at, for absolute links in answers. */
final class BaseUrl {
    private BaseUrl() {
    }

    /** {@code publicUrl} without a trailing slash, else the request's own scheme and host. */
    static String of(Context ctx, String publicUrl) {
        if (publicUrl != null) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        return ctx.scheme() + "://" + ctx.host();
    }
}
