package dev.swipeloop.host.apps;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins ({@code scheme://host[:port]}) as browsers send them in {@code Origin}: lower
 * case, no path, no default port. Allowed origins are stored in this form, so matching a
 * request is a string comparison.
 */
public final class Origins {
    private Origins() {
    }

    /**
     * The canonical form of an origin an operator typed, e.g. {@code HTTPS://Shop.example:443}
     * becomes {@code https://shop.example}. Throws {@link InvalidOriginException} saying what
     * is wrong (a path, a missing scheme, …).
     */
    public static String normalize(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidOriginException("an origin must not be empty; write it like https://app.example.com");
        }
        String trimmed = text.trim();
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidOriginException("'" + text + "' is not a URL; write an origin like https://app.example.com");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new InvalidOriginException("'" + text + "' needs the scheme http:// or https://, like https://app.example.com");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidOriginException("'" + text + "' has no host name; write it like https://app.example.com");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidOriginException("'" + text + "' is not an origin: drop the path, query and user part"
                    + " and keep only scheme://host[:port]");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** The origin of a URL such as a {@code Referer}, or empty when it has none. */
    public static Optional<String> ofUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            URI origin = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null);
            return Optional.of(normalize(origin.toString()));
        } catch (URISyntaxException | InvalidOriginException e) {
            return Optional.empty();
        }
    }

    /** True when the origin a browser sent is one of {@code allowed} (canonical forms). */
    public static boolean isAllowed(String requestOrigin, Collection<String> allowed) {
        if (requestOrigin == null) {
            return false;
        }
        // Browsers send origins in canonical form already: skip parsing on every request.
        if (allowed.contains(requestOrigin)) {
            return true;
        }
        try {
            return allowed.contains(normalize(requestOrigin));
        } catch (InvalidOriginException e) {
            return false;
        }
    }
}
