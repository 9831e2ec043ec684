package dev.swipeloop.host.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.swipeloop.host.testing.TestImages;
import dev.swipeloop.sdk.export.MediaBlob;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on 127.0.0.1: refused as loopback, fetched through the test seam. */
class ExternalMediaFetcherTest {
    static final long MAX = 32 * 1024;
    static final byte[] PNG = TestImages.png(16, 1);

    HttpServer server;
    ExecutorService threads;
    final Map<String, HttpExchangeRecord> seen = new ConcurrentHashMap<>();
    final CountDownLatch release = new CountDownLatch(1);

    record HttpExchangeRecord(String path, String acceptEncoding, String accept) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            seen.put(path, new HttpExchangeRecord(path, exchange.getRequestHeaders().getFirst("Accept-Encoding"),
                    exchange.getRequestHeaders().getFirst("Accept")));
            try {
                respond(exchange);
            } catch (IOException e) {
                // the client hung up, as it should when it stops reading
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    void respond(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case "/cat.png" -> send(exchange, 200, PNG.length, PNG);
            case "/page.html" -> send(exchange, 200, 0, "<!DOCTYPE html><p>not an image".getBytes());
            case "/missing.png" -> send(exchange, 404, 0, "gone".getBytes());
            case "/moved.png" -> {
                exchange.getResponseHeaders().add("Location", url("/cat.png"));
                send(exchange, 302, -1, new byte[0]);
            }
            case "/huge.png" -> endless(exchange, 0); // chunked: the size shows only while reading
            case "/declared-huge.png" -> endless(exchange, MAX * 4);
            case "/stall-headers.png" -> {
                await();
                send(exchange, 200, PNG.length, PNG);
            }
            case "/stall-body.png" -> {
                exchange.sendResponseHeaders(200, PNG.length);
                OutputStream out = exchange.getResponseBody();
                out.write(PNG, 0, 20);
                out.flush();
                await();
                out.write(PNG, 20, PNG.length - 20);
            }
            default -> send(exchange, 404, -1, new byte[0]);
        }
    }

    static void send(HttpExchange exchange, int status, long length, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, length);
        if (length >= 0) {
            exchange.getResponseBody().write(body);
        }
    }

    static void endless(HttpExchange exchange, long declaredLength) throws IOException {
        exchange.sendResponseHeaders(200, declaredLength);
        OutputStream out = exchange.getResponseBody();
        out.write(PNG);
        byte[] filler = new byte[8192];
        for (long sent = PNG.length; sent < MAX * 4; sent += filler.length) {
            out.write(filler);
        }
    }

    void await() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    ExternalMediaFetcher withLoopback(long timeoutMillis) {
        return new ExternalMediaFetcher(List.of("127.0.0.1"), timeoutMillis, MAX, true);
    }

    @Test
    void aServerOnLoopbackIsRefusedWithoutARequestEvenWhenItsHostIsAllowed() {
        try (ExternalMediaFetcher fetcher = new ExternalMediaFetcher(List.of("127.0.0.1", "localhost"), 5000, MAX)) {
            assertEquals(Optional.empty(), fetcher.fetch(url("/cat.png")));
            assertEquals(Optional.empty(), fetcher.fetch(url("/cat.png").replace("127.0.0.1", "localhost")));
        }
        assertEquals(Map.of(), seen, "the server was never contacted");
    }

    @Test
    void privateAndMappedAddressesAreRefusedBeforeConnecting() {
        List<String> hosts = List.of("10.255.255.1", "169.254.169.254", "[::ffff:127.0.0.1]", "[::1]", "0.0.0.0",
                "100.64.0.1");
        try (ExternalMediaFetcher fetcher = new ExternalMediaFetcher(hosts, 5000, MAX)) {
            long started = System.nanoTime();
            for (String host : hosts) {
                int port = server.getAddress().getPort();
                assertEquals(Optional.empty(), fetcher.fetch("http://" + host + ":" + port + "/cat.png"), host);
            }
            // 10.255.255.1 would hang until the timeout if a connection were attempted.
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 4000);
        }
        assertEquals(Map.of(), seen);
    }

    @Test
    void anAllowedPublicImageIsFetchedAsItIs() throws Exception {
        try (ExternalMediaFetcher fetcher = withLoopback(5000)) {
            MediaBlob blob = fetcher.fetch(url("/cat.png")).orElseThrow();
            assertArrayEquals(PNG, blob.bytes());
            assertEquals("image/png", blob.mediaType());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)), blob.sha256());
        }
        HttpExchangeRecord request = seen.get("/cat.png");
        assertNull(request.acceptEncoding(), "no compressed answer is asked for: the cap counts wire bytes");
        assertTrue(request.accept().contains("image/webp"), request.accept());
    }

    @Test
    void redirectsErrorsAndNonImagesGiveNothing() {
        try (ExternalMediaFetcher fetcher = withLoopback(5000)) {
            assertEquals(Optional.empty(), fetcher.fetch(url("/moved.png")));
            assertEquals(Optional.empty(), fetcher.fetch(url("/missing.png")));
            assertEquals(Optional.empty(), fetcher.fetch(url("/page.html")));
        }
        assertTrue(seen.containsKey("/moved.png"));
        assertEquals(false, seen.containsKey("/cat.png"), "the redirect was not followed");
    }

    @Test
    void anImageOverTheSizeCapIsNotKept() {
        try (ExternalMediaFetcher fetcher = withLoopback(5000)) {
            assertEquals(Optional.empty(), fetcher.fetch(url("/huge.png")));
            assertEquals(Optional.empty(), fetcher.fetch(url("/declared-huge.png")));
            assertTrue(fetcher.fetch(url("/cat.png")).isPresent(), "the client still works after aborting");
        }
    }

    @Test
    void aServerThatStallsIsGivenUpAfterTheTimeout() {
        try (ExternalMediaFetcher fetcher = withLoopback(500)) {
            for (String path : List.of("/stall-headers.png", "/stall-body.png")) {
                Instant started = Instant.now();
                assertEquals(Optional.empty(), fetcher.fetch(url(path)), path);
                long tookMillis = Duration.between(started, Instant.now()).toMillis();
                assertTrue(tookMillis >= 400 && tookMillis < 5000, path + " took " + tookMillis + " ms");
            }
        }
    }

    @Test
    void onlyHttpUrlsOfExactlyAllowedHostsMayBeFetched() {
        List<String> allowed = List.of("IMG.example.com", "cdn.example.org.", "[2001:db8::1]");
        try (ExternalMediaFetcher fetcher = new ExternalMediaFetcher(allowed, 1000, MAX)) {
            assertNull(fetcher.refusal("https://img.example.com/a.png"));
            assertNull(fetcher.refusal("http://Img.Example.COM:8443/a.png?x=1"));
            assertNull(fetcher.refusal("https://img.example.com./a.png"), "a trailing dot names the same host");
            assertNull(fetcher.refusal("https://cdn.example.org/a.png"));
            assertNull(fetcher.refusal("https://[2001:db8::1]/a.png"));
            assertRefused(fetcher, "https://sub.img.example.com/a.png", "not in export.fetchMedia.allowedHosts");
            assertRefused(fetcher, "https://example.com/a.png", "not in export.fetchMedia.allowedHosts");
            assertRefused(fetcher, "https://img.example.com.evil.example/a.png", "not in export.fetchMedia.allowedHosts");
            assertRefused(fetcher, "ftp://img.example.com/a.png", "only http and https");
            assertRefused(fetcher, "file:///etc/passwd", "only http and https");
            assertRefused(fetcher, "/media/abc", "only http and https");
            assertRefused(fetcher, "https://user:pw@img.example.com/a.png", "credentials");
            assertRefused(fetcher, "https:///a.png", "no host");
            assertRefused(fetcher, "not a url", "not a URL");
        }
        try (ExternalMediaFetcher none = new ExternalMediaFetcher(List.of(), 1000, MAX)) {
            assertRefused(none, "https://img.example.com/a.png", "is empty");
            assertEquals(Optional.empty(), none.fetch(url("/cat.png")));
        }
        assertEquals(Map.of(), seen);
    }

    static void assertRefused(ExternalMediaFetcher fetcher, String url, String reason) {
        String refusal = fetcher.refusal(url);
        assertTrue(refusal != null && refusal.contains(reason), url + ": " + refusal);
    }
}
