package dev.swipeloop.host.media;

import dev.swipeloop.host.config.HostSettings;
import dev.swipeloop.host.config.SettingSources;
import dev.swipeloop.sdk.export.MediaBlob;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads an item's external image for an export run with {@code fetchMedia}, only where the
 * operator allowed it: an http(s) URL whose host is listed, exactly, in
 * {@code export.fetchMedia.allowedHosts}; connecting only to public addresses (checked on the
 * address connected to, see {@link PublicAddressResolver}); no redirects; within
 * {@code export.fetchMedia.timeoutMillis} in all and {@code media.maxBytes}; and only bytes that
 * are a PNG, JPEG, WebP or GIF. Anything else is empty, with the reason logged, and the export
 * writes the URL instead.
 *
 * <p>Thread-safe; each fetch holds at most one image (≤ media.maxBytes) in memory. With an empty
 * allowlist no HTTP client is started at all. Close it to stop the client's threads.
 */
public final class ExternalMediaFetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalMediaFetcher.class);
    private static final String ALLOWED_HOSTS = "export.fetchMedia.allowedHosts";
    private static final String ACCEPT = "image/png, image/jpeg, image/webp, image/gif";

    private final Set<String> allowedHosts;
    private final long timeoutMillis;
    private final long maxBytes;
    private final HttpClient client;

    public ExternalMediaFetcher(Collection<String> allowedHosts, long timeoutMillis, long maxBytes) {
        this(allowedHosts, timeoutMillis, maxBytes, false);
    }

    /** @param allowLoopback lets tests fetch from a server on 127.0.0.1; every other rule still holds */
    ExternalMediaFetcher(Collection<String> allowedHosts, long timeoutMillis, long maxBytes, boolean allowLoopback) {
        this.allowedHosts = allowedHosts.stream().map(ExternalMediaFetcher::normalizeHost)
                .collect(Collectors.toUnmodifiableSet());
        this.timeoutMillis = timeoutMillis;
        // One image is read into one array.
        this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
        this.client = this.allowedHosts.isEmpty() ? null : startClient(timeoutMillis, allowLoopback);
    }

    /** The fetcher the operator configured ({@code export.fetchMedia.*}, {@code media.maxBytes}). */
    public static ExternalMediaFetcher open(HostSettings settings) {
        return new ExternalMediaFetcher(settings.fetchMediaAllowedHosts(), settings.fetchMediaTimeoutMillis(),
                settings.mediaMaxBytes());
    }

    /** The image at {@code imageUrl}, or empty when it may not or could not be fetched (the reason is logged). */
    public Optional<MediaBlob> fetch(String imageUrl) {
        String refusal = refusal(imageUrl);
        if (refusal != null) {
            LOG.debug("export: not fetching {}: {}", imageUrl, refusal);
            return Optional.empty();
        }
        Request request = client.newRequest(URI.create(imageUrl))
                .method(HttpMethod.GET)
                .followRedirects(false)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .headers(headers -> headers.put(HttpHeader.ACCEPT, ACCEPT));
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            Response response = listener.get(timeoutMillis, TimeUnit.MILLISECONDS);
            int status = response.getStatus();
            if (status != 200) {
                boolean redirect = status >= 300 && status < 400;
                return failed(request, imageUrl, "it answered HTTP " + status
                        + (redirect ? " (redirects are not followed)" : ""), redirect);
            }
            long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (declared > maxBytes) {
                return failed(request, imageUrl, "it declares " + declared + " bytes, more than media.maxBytes ("
                        + maxBytes + ")", false);
            }
            byte[] bytes;
            try (InputStream in = listener.getInputStream()) {
                bytes = in.readNBytes((int) maxBytes + 1);
            }
            if (bytes.length > maxBytes) {
                return failed(request, imageUrl, "it is larger than media.maxBytes (" + maxBytes + ")", false);
            }
            Optional<ImageType> type = ImageType.sniff(bytes);
            if (type.isEmpty()) {
                return failed(request, imageUrl, "the body is not a PNG, JPEG, WebP or GIF image", false);
            }
            return Optional.of(new MediaBlob(sha256(bytes), type.get().mediaType(), bytes));
        } catch (ExecutionException | IOException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof TimeoutException || request.getAbortCause() instanceof TimeoutException) {
                return failed(request, imageUrl, tooSlow(), false);
            }
            boolean refused = cause instanceof PublicAddressResolver.RefusedAddressException;
            return failed(request, imageUrl, refused ? cause.getMessage() : cause.toString(), refused);
        } catch (TimeoutException e) {
            return failed(request, imageUrl, tooSlow(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            return Optional.empty();
        }
    }

    /**
     * Why {@code imageUrl} may not be fetched at all, before any connection, or null when it may
     * (its addresses are checked when connecting).
     */
    String refusal(String imageUrl) {
        URI uri;
        try {
            uri = new URI(imageUrl);
        } catch (URISyntaxException | NullPointerException e) {
            return "it is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https URLs are fetched";
        }
        if (uri.getHost() == null) {
            return "it has no host name";
        }
        if (uri.getRawUserInfo() != null) {
            return "it carries credentials (user@host)";
        }
        if (allowedHosts.isEmpty()) {
            return SettingSources.describe(ALLOWED_HOSTS) + " is empty, so no image is fetched";
        }
        String host = normalizeHost(uri.getHost());
        if (!allowedHosts.contains(host)) {
            return "the host " + host + " is not in " + ALLOWED_HOSTS
                    + " (hosts match exactly; subdomains are not included)";
        }
        return null;
    }

    @Override
    public void close() {
        if (client != null) {
            try {
                client.stop();
            } catch (Exception e) {
                LOG.warn("stopping the export media HTTP client failed: {}", e.toString());
            }
        }
    }

    /** Lower case, no trailing dot, IPv6 literals without brackets: the form host names are compared in. */
    static String normalizeHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private String tooSlow() {
        return "it took longer than export.fetchMedia.timeoutMillis (" + timeoutMillis + " ms)";
    }

    private Optional<MediaBlob> failed(Request request, String imageUrl, String reason, boolean refusedForSafety) {
        request.abort(new IOException("export media fetch abandoned: " + reason));
        if (refusedForSafety) {
            LOG.info("export: not fetching {}: {}", imageUrl, reason);
        } else {
            LOG.debug("export: could not fetch {}: {}", imageUrl, reason);
        }
        return Optional.empty();
    }

    private static HttpClient startClient(long timeoutMillis, boolean allowLoopback) {
        // Exports fetch one image at a time: a few threads, not Jetty's default of 8 idle ones.
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("swipeloop-media-fetch");
        threads.setDaemon(true);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("swipeloop-media-fetch-timer", true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setScheduler(scheduler);
        client.setSocketAddressResolver(new PublicAddressResolver(
                new SocketAddressResolver.Async(threads, scheduler, timeoutMillis), allowLoopback));
        client.setFollowRedirects(false);
        client.setConnectTimeout(timeoutMillis);
        client.setIdleTimeout(timeoutMillis);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "Swipeloop export (media fetch)"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client for export media fetching: " + e, e);
        }
        // No Accept-Encoding and no decoding: images are sent as they are, and the size cap then
        // counts the bytes on the wire. Decoders are installed by start(), so cleared after it.
        client.getContentDecoderFactories().clear();
        return client;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
