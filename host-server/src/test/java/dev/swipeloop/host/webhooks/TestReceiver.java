package dev.swipeloop.host.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * A real webhook receiver on a free local port. It records every request it gets and answers
 * each with the status {@code answer} gives for (webhook-id, how many times this id came
 * before and now), after an optional pause (a hung receiver).
 */
final class TestReceiver implements AutoCloseable {
    /** One request as it arrived. */
    record Request(long receivedNanos, String id, String timestamp, String signature, String contentType,
                   String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new ArrayList<>();
    private final BiFunction<String, Integer, Integer> answer;
    private volatile long pauseMillis;

    /** @param answer status for (webhook-id, attempt number of that id starting at 1) */
    TestReceiver(BiFunction<String, Integer, Integer> answer) {
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/hooks", exchange -> {
            long received = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            int attempt;
            synchronized (requests) {
                requests.add(new Request(received, id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        exchange.getRequestHeaders().getFirst("content-type"), body));
                attempt = (int) requests.stream().filter(r -> r.id().equals(id)).count();
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(answer.apply(id, attempt), -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers every request after this long from now on: longer than the timeout, a hung receiver. */
    TestReceiver pausing(long millis) {
        pauseMillis = millis;
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> requests(String webhookId) {
        return requests().stream().filter(r -> r.id().equals(webhookId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
